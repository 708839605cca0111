package org.quillpress.comment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import org.quillpress.account.AccountPrincipal;
import org.quillpress.account.Role;
import org.quillpress.account.SocialProviders;
import org.quillpress.comment.CommentViews.Item;
import org.quillpress.comment.CommentViews.Thread;

/**
 * Builds a page of a post's thread: the approved comments of that page in thread order, plus (only for
 * someone who has held comments waiting) theirs, shown to them alone.
 */
@ApplicationScoped
public class CommentThreads {

    @Inject
    DiscussionSettings settings;

    @Inject
    SocialProviders providers;

    @Inject
    CommentService comments;

    @Inject
    Clock clock;

    /** What the thread needs to know of its post, which the post page has loaded already. */
    public record PostRef(long id, long authorId, boolean commentsOpen, Instant publishAt) {
    }

    @Transactional
    public Thread forPost(PostRef ref, Optional<AccountPrincipal> viewer, List<Long> guestCommentIds) {
        return forPost(ref, viewer, guestCommentIds, 1);
    }

    /**
     * One page of the thread; pages hold whole threads, {@code commentsPerPage} approved top-level comments
     * each. Reads only that page's comments, so the cost follows the page, not the post: a count, the page's
     * top-level comments (one more, where the next page starts), the comments of their threads, and for a
     * writer with held comments their own ones in that stretch.
     */
    @Transactional
    public Thread forPost(PostRef ref, Optional<AccountPrincipal> viewer, List<Long> guestCommentIds, int page) {
        EntityManager em = Comment.getEntityManager();
        int perPage = Math.max(1, settings.current().commentsPerPage());
        Object[] counts = em.createQuery("select count(c), coalesce(sum(case when c.depth = 1 then 1 else 0 end), 0) "
                + "from Comment c where c.post.id = :post and c.status = :status", Object[].class)
                .setParameter("post", ref.id()).setParameter("status", CommentStatus.APPROVED).getSingleResult();
        long approved = ((Number) counts[0]).longValue();
        long roots = ((Number) counts[1]).longValue();
        int pageCount = Math.max(1, (int) Math.ceil(roots / (double) perPage));
        int current = Math.max(1, Math.min(page, pageCount));
        // the page's stretch of paths: from its first top-level comment (the start, on the first page) to the
        // next page's first one (the end, on the last page); held comments of the writer fall in it alike
        String from = null;
        String to = null;
        if (roots > 0) {
            List<String> starts = em.createQuery("select c.path from Comment c where c.post.id = :post "
                    + "and c.status = :status and c.depth = 1 order by c.path", String.class)
                    .setParameter("post", ref.id()).setParameter("status", CommentStatus.APPROVED)
                    .setFirstResult((current - 1) * perPage).setMaxResults(perPage + 1).getResultList();
            from = current > 1 && !starts.isEmpty() ? starts.get(0) : null;
            to = starts.size() > perPage ? starts.get(perPage) : null;
        }
        String stretch = (from != null ? " and c.path >= :from" : "") + (to != null ? " and c.path < :to" : "");
        TypedQuery<ThreadRow> approvedRows = em.createQuery(ThreadRow.SELECT
                + "where c.post.id = :post and c.status = :status" + stretch + " order by c.path", ThreadRow.class)
                .setParameter("post", ref.id()).setParameter("status", CommentStatus.APPROVED);
        List<ThreadRow> shown = new ArrayList<>(within(approvedRows, from, to).getResultList());
        if (viewer.isPresent() || !guestCommentIds.isEmpty()) {
            // the writer's own held comments, shown to them alone in their place in the thread
            String mine = viewer.isPresent() ? "a.id = :writer" : "c.id in :writer";
            TypedQuery<ThreadRow> held = em.createQuery(ThreadRow.SELECT + "where c.post.id = :post and c.status = "
                    + ":status and " + mine + stretch, ThreadRow.class).setParameter("post", ref.id())
                    .setParameter("status", CommentStatus.PENDING)
                    .setParameter("writer", viewer.isPresent() ? (Object) viewer.get().id() : guestCommentIds);
            int before = shown.size();
            shown.addAll(within(held, from, to).getResultList());
            if (shown.size() > before) {
                shown.sort(Comparator.comparing(ThreadRow::path));
            }
        }
        List<Item> items = new ArrayList<>(shown.size());
        for (ThreadRow row : shown) {
            items.add(item(row, ref.authorId(), viewer, guestCommentIds));
        }
        return new Thread(items, approved,
                CommentService.commentsOpen(ref.commentsOpen(), ref.publishAt(), settings.current(), clock.instant()),
                current, pageCount);
    }

    private static <T> TypedQuery<T> within(TypedQuery<T> query, String from, String to) {
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        return query;
    }

    /**
     * Whether a writer sees a post's thread differently from everyone else: they have comments on it held
     * for moderation (shown to them alone) or still within the edit window (with an edit link). One query,
     * none for a guest without comments of their own.
     */
    @Transactional
    public boolean showsOwnComments(long postId, Optional<AccountPrincipal> viewer, List<Long> guestCommentIds) {
        if (viewer.isEmpty() && guestCommentIds.isEmpty()) {
            return false;
        }
        String mine = viewer.isPresent() ? "c.account.id = :writer" : "c.id in :writer";
        return !Comment.getEntityManager().createQuery("select c.id from Comment c where c.post.id = :post and "
                + mine + " and (c.status = :held or (c.status = :approved and c.createdAt > :editable))", Long.class)
                .setParameter("post", postId)
                .setParameter("writer", viewer.isPresent() ? (Object) viewer.get().id() : guestCommentIds)
                .setParameter("held", CommentStatus.PENDING).setParameter("approved", CommentStatus.APPROVED)
                .setParameter("editable", clock.instant().minus(Duration.ofMinutes(settings.current().editWindowMinutes())))
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** The page of its post's thread on which an approved comment appears. */
    @Transactional
    public int pageOf(Comment comment) {
        String root = comment.path.contains("/") ? comment.path.substring(0, comment.path.indexOf('/')) : comment.path;
        long before = Comment.count("post = ?1 and status = ?2 and depth = 1 and path < ?3", comment.post,
                CommentStatus.APPROVED, root);
        return (int) (before / Math.max(1, settings.current().commentsPerPage())) + 1;
    }

    private Item item(ThreadRow r, long postAuthorId, Optional<AccountPrincipal> viewer, List<Long> guestIds) {
        boolean byAuthor = r.accountId() != null && r.accountId() == postAuthorId;
        boolean mine = r.accountId() != null ? viewer.map(v -> v.id() == r.accountId()).orElse(false)
                : viewer.isEmpty() && guestIds.contains(r.id());
        return new Item(r.id(), r.parentId(), r.depth(), r.accountId() != null ? r.accountName() : r.authorName(),
                r.accountId() != null ? r.accountWebsite() : r.authorUrl(), r.authorProvider(),
                providers.labelOf(r.authorProvider()), r.bodyHtml(),
                r.createdAt(), r.editedAt(), byAuthor, r.status() == CommentStatus.PENDING,
                mine && comments.withinEditWindow(r.createdAt()),
                r.accountRole() != null && r.accountRole().atLeast(Role.MODERATOR));
    }
}
