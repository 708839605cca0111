package org.quillpress.post;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.LockModeType;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;

import org.hibernate.Timeouts;
import org.quillpress.account.Account;
import org.quillpress.account.AccountPrincipal;
import org.quillpress.web.BodyFormat;
import org.quillpress.web.Paths;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;

/**
 * A post or a standalone page. The Markdown source is kept beside the HTML rendered from it on save,
 * so reading never renders.
 */
@Entity
public class Post extends PanacheEntityBase {

    /**
     * Readers see a post once it is published, or scheduled and its time has come. A query condition on
     * the alias {@code p} with a {@code :now} parameter: every reader-facing query uses this one rule.
     */
    public static final String VISIBLE = "p.status in (org.quillpress.post.PostStatus.PUBLISHED, "
            + "org.quillpress.post.PostStatus.SCHEDULED) and p.publishAt <= :now";

    /** How many pages deep an address may go, counting the page itself. */
    static final int MAX_PAGE_DEPTH = 10;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PostKind kind;

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(nullable = false)
    public String title;

    @Column(name = "body_markdown", nullable = false)
    public String bodyMarkdown;

    @Column(name = "body_html", nullable = false)
    public String bodyHtml;

    /** How {@link #bodyMarkdown} is written: Markdown, or HTML imported from WordPress. */
    @Enumerated(EnumType.STRING)
    @Column(name = "body_format", nullable = false)
    public BodyFormat bodyFormat = BodyFormat.MARKDOWN;

    /** WordPress's "stick to the front page", kept from an import and given back by an export. */
    @Column(nullable = false)
    public boolean sticky;

    @Column(nullable = false)
    public String excerpt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PostStatus status;

    @Column(name = "publish_at")
    public Instant publishAt;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id")
    public Account author;

    /** The main category, the first of {@link #categories}; kept beside them so lists read it with the post. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "category_id")
    public Category category;

    /** Every category of the post, main one first; change them only through {@link #placeIn}. */
    @ManyToMany
    @JoinTable(name = "post_category", joinColumns = @JoinColumn(name = "post_id"), inverseJoinColumns = @JoinColumn(name = "category_id"))
    @OrderColumn(name = "sort_order")
    public List<Category> categories = new ArrayList<>();

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public Post parent;

    @Column(name = "menu_order", nullable = false)
    public int menuOrder;

    @Column(name = "comments_open", nullable = false)
    public boolean commentsOpen;

    @ManyToMany
    @JoinTable(name = "post_tag", joinColumns = @JoinColumn(name = "post_id"), inverseJoinColumns = @JoinColumn(name = "tag_id"))
    public Set<Tag> tags = new LinkedHashSet<>();

    /**
     * The id of the media library's image that stands for this post, or null. A plain id rather than an
     * association: the media package sits above this one and is reached through {@code web.ImageRenditions}.
     */
    @Column(name = "featured_media_id")
    public Long featuredMediaId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    /** What {@link #status} was before the post went to the trash; null while it is not there. */
    @Enumerated(EnumType.STRING)
    @Column(name = "status_before_trash")
    public PostStatus statusBeforeTrash;

    /** When the post went to the trash, from which the purge counts; null while it is not there. */
    @Column(name = "trashed_at")
    public Instant trashedAt;

    public boolean isVisibleAt(Instant now) {
        return (status == PostStatus.PUBLISHED || status == PostStatus.SCHEDULED) && publishAt != null
                && !publishAt.isAfter(now);
    }

    /** Whether {@code editor} may change this post: its author, if still an author, or an editor or above. */
    public boolean editableBy(AccountPrincipal editor) {
        return editableBy(editor, author.id);
    }

    /** Whether {@code editor} may change a post by the author with id {@code authorId}. */
    static boolean editableBy(AccountPrincipal editor, long authorId) {
        return editsEveryPost(editor) || (editor.isAuthor() && authorId == editor.id());
    }

    /** Whether {@code editor} may change anyone's posts (and so sees them all on the desk), not only their own. */
    public static boolean editsEveryPost(AccountPrincipal editor) {
        return editor.role().editsAllPosts();
    }

    public boolean isTrashed() {
        return status == PostStatus.TRASHED;
    }

    /** Puts the post in {@code chosen} (no repeats), the first being its main category; empty for a page. */
    public void placeIn(List<Category> chosen) {
        categories.clear();
        categories.addAll(chosen);
        category = chosen.isEmpty() ? null : chosen.get(0);
    }

    /** The address readers find this post or page at; a page under others has theirs before it: /about/team. */
    public String path() {
        if (kind == PostKind.PAGE && parent != null) {
            List<String> slugs = new ArrayList<>();
            // the guard stops at a loop a broken row could make; the write page refuses to make one
            for (Post p = this; p != null && slugs.size() <= MAX_PAGE_DEPTH; p = p.parent) {
                slugs.add(0, p.slug);
            }
            return Paths.page(String.join("/", slugs));
        }
        return kind.path(slug);
    }

    /** The post or page with this slug, whatever its status. */
    public static Optional<Post> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** The post or page with this id and its author, in one statement. */
    public static Optional<Post> findByIdWithAuthor(long id) {
        return find("from Post p join fetch p.author where p.id = ?1", id).firstResultOptional();
    }

    /** The post or page with this slug, with author, categories and tags, whatever its status. */
    public static Optional<Post> findBySlugWithDetails(String slug) {
        return find("select distinct p from Post p join fetch p.author left join fetch p.category "
                + "left join fetch p.categories left join fetch p.tags left join fetch p.parent where p.slug = ?1", slug)
                .singleResultOptional();
    }

    /** The slugs, other than this post's, that equal {@code root} or start with "root-". */
    public static List<String> slugsLike(String root, Long exceptId) {
        return find("select p.slug from Post p where (p.slug = ?1 or p.slug like ?2) and (?3 is null or p.id <> ?3)",
                root, root + "-%", exceptId).project(String.class).list();
    }

    public static boolean slugTaken(String slug, Long exceptId) {
        return count("slug = ?1 and (?2 is null or id <> ?2)", slug, exceptId) > 0;
    }

    /** The visible neighbour of a post in publishing order: older when {@code older}, else newer. */
    public static Optional<PostViews.Neighbour> neighbour(Post post, boolean older, Instant now) {
        String order = older ? "desc" : "asc";
        String cmp = older ? "<" : ">";
        return find("from Post p where p.kind = org.quillpress.post.PostKind.POST and " + VISIBLE
                + " and p.publishAt " + cmp + "= :at and (p.publishAt " + cmp + " :at or p.id " + cmp + " :id)"
                + " order by " + timelineOrder(order),
                Parameters.with("now", now).and("at", post.publishAt).and("id", post.id))
                .project(PostViews.Neighbour.class).page(0, 1).firstResultOptional();
    }

    /**
     * The timeline order, {@code asc} or {@code desc}, matching the index post_visible_timeline. The kind column
     * is fixed by every such query, but naming it lets H2 read the index in order instead of sorting.
     */
    public static String timelineOrder(String direction) {
        return "p.kind " + direction + ", p.publishAt " + direction + ", p.id " + direction;
    }

    /** Published pages, for the site navigation. */
    public static List<Post> listVisiblePages(Instant now) {
        return list("from Post p where p.kind = org.quillpress.post.PostKind.PAGE and " + VISIBLE
                + " order by p.menuOrder, p.title", Parameters.with("now", now));
    }

    /** Ids of scheduled posts whose time has come, oldest first, read without locks: for the publishing job. */
    public static List<Long> listDueScheduledIds(Instant now, int limit) {
        return getEntityManager().createQuery("select p.id from Post p where p.status = ?1 and p.publishAt <= ?2"
                + " order by p.publishAt, p.id", Long.class).setParameter(1, PostStatus.SCHEDULED).setParameter(2, now)
                .setMaxResults(limit).getResultList();
    }

    /**
     * This post, locked for the current transaction, if it is still scheduled and due; empty when another
     * transaction holds it (another instance publishing it: {@code FOR UPDATE SKIP LOCKED}) or has published it.
     */
    public static Optional<Post> claimDueScheduled(long id, Instant now) {
        return find("id = ?1 and status = ?2 and publishAt <= ?3", id, PostStatus.SCHEDULED, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", Timeouts.SKIP_LOCKED_MILLI).firstResultOptional();
    }
}
