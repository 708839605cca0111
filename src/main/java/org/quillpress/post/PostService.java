package org.quillpress.post;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import org.quillpress.account.Account;
import org.quillpress.account.AccountPrincipal;
import org.quillpress.web.CheckMessages;
import org.quillpress.web.ControlCharacters;
import org.quillpress.web.ImageRenditions;
import org.quillpress.web.InvalidInputException;
import org.quillpress.web.Markdown;
import org.quillpress.web.Paths;
import org.quillpress.web.SiteLanguage;
import org.quillpress.web.SiteTime;
import org.quillpress.web.Slugs;
import org.quillpress.web.StaffMessages;
import org.quillpress.web.StaffText;

/** Creates and updates posts and pages: checks every field, renders once, keeps old slugs answering. */
@ApplicationScoped
public class PostService {

    public static final int MAX_TITLE = 255;
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    public static final int MAX_EXCERPT = 1000;
    public static final int MAX_TAGS = 20;
    public static final int MAX_CATEGORIES = 20;
    private static final int DERIVED_EXCERPT = 300;

    @Inject
    Markdown markdown;

    @Inject
    ImageRenditions images;

    @Inject
    Event<PostSaved> saved;

    @Inject
    Terms terms;

    @Inject
    StaffText staff;

    @Inject
    Clock clock;

    /** Creates a post or page written by {@code author}. */
    @Transactional
    public Post create(PostInput input, AccountPrincipal author) {
        Post post = new Post();
        post.author = Account.findById(author.id());
        post.createdAt = clock.instant();
        post.kind = parseKind(input.kind());
        apply(post, input, true, author);
        post.persist();
        keepRevision(post, author, RevisionKind.SAVE, null);
        afterSave(post);
        // flush now: the id, the new version and any constraint failure belong to this call's answer
        Post.flush();
        return post;
    }

    /** Updates a post; only its author or an admin may, others are told it does not exist. */
    @Transactional
    public Post update(String slug, PostInput input, AccountPrincipal editor) {
        return update(slug, input, editor, RevisionKind.SAVE, null);
    }

    /** An update kept as a revision of {@code kind}; a restore names the revision it brought back. */
    @Transactional
    Post update(String slug, PostInput input, AccountPrincipal editor, RevisionKind kind, Long restoredFrom) {
        Post post = Post.findBySlugWithDetails(slug).orElseThrow(NotFoundException::new);
        requireEditable(post, editor);
        if (post.isTrashed()) {
            throw new InvalidInputException(409, Map.of("status", staff.messages().postErrTrashed()));
        }
        if (input.version() != null && input.version() != post.version) {
            throw new InvalidInputException(409, Map.of("version", staff.messages().postErrVersion()));
        }
        String oldSlug = post.slug;
        apply(post, input, false, editor);
        if (!oldSlug.equals(post.slug)) {
            SlugRedirect redirect = new SlugRedirect();
            redirect.oldSlug = oldSlug;
            redirect.post = post;
            redirect.persist();
        }
        keepRevision(post, editor, kind, restoredFrom);
        afterSave(post);
        Post.flush();
        return post;
    }

    /** The post for its editing page, if the editor may edit it. */
    @Transactional
    public Post loadForEditing(String slug, AccountPrincipal editor) {
        Post post = Post.findBySlugWithDetails(slug).orElseThrow(NotFoundException::new);
        requireEditable(post, editor);
        return post;
    }

    /**
     * What saving {@code post} unchanged would send, but for its status, publishing time and (when not null)
     * category: the input of actions that change only those, through the same rules as the write page.
     */
    static PostInput inputOf(Post post, PostStatus status, Instant publishAt, String category) {
        return new PostInput(post.title, post.bodyMarkdown, post.excerpt, post.tags.stream().map(t -> t.name).toList(),
                category != null ? category : post.category == null ? null : post.category.name, post.slug,
                status.name(), publishAt == null ? null : publishAt.toString(), post.commentsOpen, post.version,
                post.kind.name(), post.parent == null ? null : post.parent.slug, post.menuOrder);
    }

    /**
     * Renders again, in the caller's transaction, the stored HTML of every post and page whose body or HTML
     * contains one of {@code fragments} (an image it shows was replaced, say). The HTML finds the posts that show
     * an image without naming its file: an imported gallery names it by its WordPress id. Each is rendered as
     * itself, with its own galleries. Only the HTML changes: text, version, dates and revisions stay, so an author
     * editing the post meanwhile is not told someone else saved it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int renderAgainWhereBodyContains(Collection<String> fragments) {
        Set<Long> done = new HashSet<>();
        for (String fragment : fragments) {
            String like = "%" + fragment.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
            for (Post post : Post.<Post> list("bodyMarkdown like ?1 escape '!' or bodyHtml like ?1 escape '!'", like)) {
                if (done.add(post.id)) {
                    Post.update("bodyHtml = ?1 where id = ?2", markdown.renderPost(post.bodyMarkdown, post.bodyFormat,
                            post.id, post.featuredMediaId != null), post.id);
                }
            }
        }
        return done.size();
    }

    /** HTML for a preview, rendered exactly as a save would. */
    public String preview(String body) {
        return markdown.renderPost(body);
    }

    static void requireEditable(Post post, AccountPrincipal editor) {
        if (!post.editableBy(editor)) {
            throw new NotFoundException();
        }
    }

    private void apply(Post post, PostInput in, boolean creating, AccountPrincipal editor) {
        ControlCharacters.refuse("title", in.title(), "body", in.body(), "excerpt", in.excerpt(), "category",
                in.category(), "slug", in.slug(), "tags", in.tags() == null ? null : String.join(",", in.tags()));
        Map<String, String> errors = new LinkedHashMap<>();
        Instant now = clock.instant();
        StaffMessages text = staff.messages();

        String title = in.title() == null ? "" : in.title().strip();
        if (title.isEmpty()) {
            errors.put("title", text.postErrNoTitle());
        } else if (title.length() > MAX_TITLE) {
            errors.put("title", text.postErrTitleLength(MAX_TITLE, title.length()));
        }

        String body = in.body() == null ? "" : in.body().replace("\r\n", "\n");
        int bytes = body.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BODY_BYTES) {
            errors.put("body", text.postErrBodySize(bytes / 1024));
        }

        String excerpt = in.excerpt() == null ? "" : in.excerpt().strip();
        if (excerpt.length() > MAX_EXCERPT) {
            errors.put("excerpt", text.postErrExcerptLength(MAX_EXCERPT));
        }

        PostStatus status = null;
        try {
            status = in.status() == null || in.status().isBlank() ? PostStatus.DRAFT
                    : PostStatus.valueOf(in.status().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.put("status", text.postErrStatus());
        }
        if (status == PostStatus.TRASHED) {
            // only the trash action puts a post there, so that it remembers the status to come back to
            errors.put("status", text.postErrStatus());
            status = null;
        }
        if (status != null && status != PostStatus.DRAFT && body.isBlank()) {
            errors.put("body", text.postErrEmptyBody());
        }

        Instant publishAt = null;
        if (in.publishAt() != null && !in.publishAt().isBlank()) {
            publishAt = parseInstant(in.publishAt().strip());
            if (publishAt == null) {
                errors.put("publishAt", text.postErrPublishAtFormat());
            }
        }
        if (status == PostStatus.SCHEDULED && publishAt == null && !errors.containsKey("publishAt")) {
            errors.put("publishAt", text.postErrNoPublishAt());
        } else if (status == PostStatus.SCHEDULED && publishAt != null && !publishAt.isAfter(now)) {
            errors.put("publishAt", text.postErrPublishAtPast());
        }

        List<Tag> tags = post.kind == PostKind.PAGE ? List.of() : resolveTags(in.tags(), errors);

        List<String> categoryNames = post.kind == PostKind.POST ? categoryNames(in, errors) : List.of();
        List<Category> chosen = new ArrayList<>();
        List<String> newCategories = new ArrayList<>();
        for (String name : categoryNames) {
            String derived = Slugs.of(name);
            // by name, by slug, then by the slug the name makes (which also finds one another request has
            // just created)
            Category category = Category.findByName(name).or(() -> Category.findBySlug(name))
                    .or(() -> derived.isEmpty() ? java.util.Optional.empty() : Category.findBySlug(derived))
                    .orElse(null);
            if (category == null && editor.role().editsAllPosts() && name.length() <= 120 && !derived.isEmpty()) {
                // editors and admins manage categories, so naming a new one creates it (as WordPress lets editors do)
                newCategories.add(name);
            } else if (category == null) {
                // the field it was asked in: the main one (the API's older single field) or the others
                String field = in.category() != null && name.equalsIgnoreCase(in.category().strip()) ? "category"
                        : "categories";
                errors.put(field, text.postErrNoCategory(name));
            } else if (!chosen.contains(category)) {
                chosen.add(category);
            }
        }

        Post parent = null;
        if (post.kind == PostKind.PAGE && in.parent() != null && !in.parent().isBlank()) {
            parent = Post.<Post> find("slug = ?1 and kind = ?2", in.parent().strip(), PostKind.PAGE)
                    .firstResultOptional().orElse(null);
            if (parent == null) {
                errors.put("parent", text.postErrNoParent(in.parent().strip()));
            } else if (isSelfOrDescendant(parent, post)) {
                errors.put("parent", text.postErrParentSelf());
            }
        }

        String slug = in.slug() == null ? "" : in.slug().strip().toLowerCase(Locale.ROOT);
        boolean slugTaken = false;
        if (!slug.isEmpty()) {
            if (!Slugs.isValid(slug)) {
                errors.put("slug", text.postErrSlugFormat());
            } else if (Post.slugTaken(slug, post.id)) {
                slugTaken = true;
                errors.put("slug", text.postErrSlugTaken(slug));
            } else if (post.kind == PostKind.PAGE && Paths.isReserved(slug)) {
                errors.put("slug", text.postErrSlugReserved(slug));
            }
        }

        // null keeps the featured image (callers that never name one); blank removes it
        Long featured = post.featuredMediaId;
        if (in.featuredImage() != null) {
            featured = in.featuredImage().isBlank() ? null : images.idOf(in.featuredImage()).orElse(null);
            if (featured == null && !in.featuredImage().isBlank()) {
                errors.put("featuredImage", text.postErrFeaturedImage());
            }
        }

        if (!errors.isEmpty()) {
            // a slug someone else holds is a conflict with existing data; everything else is plain bad input
            throw new InvalidInputException(slugTaken && errors.size() == 1 ? 409 : 400, errors);
        }

        if (slug.isEmpty()) {
            slug = creating || post.slug == null
                    ? uniqueSlug(slugRoot(Slugs.of(title, post.kind == PostKind.PAGE ? "page" : "post"), post.kind), post.kind,
                            post.id)
                    : post.slug;
        }

        for (String name : newCategories) {
            Category created = terms.category(Slugs.of(name), name);
            if (!chosen.contains(created)) {
                chosen.add(created);
            }
        }
        if (post.kind == PostKind.POST && chosen.isEmpty()) {
            chosen.add(defaultCategory());
        }
        post.title = title;
        post.bodyMarkdown = body;
        post.bodyHtml = markdown.renderPost(body, post.bodyFormat, post.id, featured != null);
        post.excerpt = excerpt.isEmpty() ? deriveExcerpt(body) : excerpt;
        post.slug = slug;
        if (!chosen.equals(post.categories)) {
            post.placeIn(chosen);
        }
        post.parent = parent;
        post.featuredMediaId = featured;
        if (in.menuOrder() != null) {
            post.menuOrder = in.menuOrder();
        }
        post.commentsOpen = in.commentsOpen() == null ? creating || post.commentsOpen : in.commentsOpen();
        post.tags.clear();
        post.tags.addAll(tags);
        post.updatedAt = now;
        applyStatus(post, status, publishAt, now);
    }

    private static void applyStatus(Post post, PostStatus status, Instant publishAt, Instant now) {
        switch (status) {
            case DRAFT -> {
                post.status = PostStatus.DRAFT;
                post.publishAt = publishAt;
            }
            case SCHEDULED -> {
                post.status = PostStatus.SCHEDULED;
                post.publishAt = publishAt;
            }
            case PUBLISHED -> {
                // a future date turns "publish" into a schedule, as authors expect
                Instant at = publishAt != null ? publishAt
                        : post.status == PostStatus.PUBLISHED && post.publishAt != null ? post.publishAt : now;
                post.status = at.isAfter(now) ? PostStatus.SCHEDULED : PostStatus.PUBLISHED;
                post.publishAt = at;
            }
        }
    }

    /**
     * The categories asked for, main one first: {@code category} (the form's main choice, and the API's
     * older single field) followed by {@code categories}; repeats and blanks dropped, kept in order.
     */
    private List<String> categoryNames(PostInput in, Map<String, String> errors) {
        Map<String, String> byKey = new LinkedHashMap<>();
        List<String> asked = new ArrayList<>();
        asked.add(in.category());
        if (in.categories() != null) {
            asked.addAll(in.categories());
        }
        for (String raw : asked) {
            String name = raw == null ? "" : raw.strip();
            if (!name.isEmpty()) {
                byKey.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            }
        }
        if (byKey.size() > MAX_CATEGORIES) {
            errors.put("categories", staff.messages().postErrTooManyCategories(MAX_CATEGORIES));
            return List.of();
        }
        return List.copyOf(byKey.values());
    }

    private List<Tag> resolveTags(List<String> names, Map<String, String> errors) {
        if (names == null) {
            return List.of();
        }
        Map<String, String> bySlug = new LinkedHashMap<>();
        for (String raw : names) {
            String name = raw == null ? "" : raw.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (name.length() > Tag.MAX_NAME_LENGTH) {
                errors.put("tags", staff.messages().postErrTagLength(Tag.MAX_NAME_LENGTH));
                return List.of();
            }
            String slug = Slugs.of(name);
            if (slug.isEmpty()) {
                errors.put("tags", staff.messages().postErrTagNoLetter(name));
                return List.of();
            }
            bySlug.putIfAbsent(slug, name);
        }
        if (bySlug.size() > MAX_TAGS) {
            errors.put("tags", staff.messages().postErrTooManyTags(MAX_TAGS));
            return List.of();
        }
        if (!errors.isEmpty()) {
            return List.of();
        }
        Map<String, Tag> existing = new LinkedHashMap<>();
        if (!bySlug.isEmpty()) {
            Tag.<Tag> list("slug in ?1", bySlug.keySet()).forEach(t -> existing.put(t.slug, t));
        }
        List<Tag> tags = new ArrayList<>();
        bySlug.forEach((slug, name) -> tags.add(existing.computeIfAbsent(slug, s -> terms.tag(s, name))));
        return tags;
    }

    /** "Uncategorized", which the first migration creates and admins cannot delete. */
    static Category defaultCategory() {
        return Category.findBySlug(Category.DEFAULT_SLUG).orElseThrow();
    }

    /** What a new post's slug starts from: {@code base} cut to leave room for "-2", or "post"/"page" when empty. */
    public static String slugRoot(String base, PostKind kind) {
        String root = base.isEmpty() ? (kind == PostKind.PAGE ? "page" : "post") : base;
        if (root.length() > Slugs.MAX_LENGTH - 8) {
            root = root.substring(0, Slugs.MAX_LENGTH - 8).replaceAll("-+$", "");
        }
        return root;
    }

    /**
     * The slug a post gets from its {@link #slugRoot root}: the root when free, else root-2, root-3…; a page
     * never takes one of the site's own addresses. {@code exceptId} is the post itself, null for a new one.
     */
    public static String uniqueSlug(String root, PostKind kind, Long exceptId) {
        boolean reserved = kind == PostKind.PAGE && Paths.isReserved(root);
        if (!reserved && !Post.slugTaken(root, exceptId)) {
            // the usual case, answered from the slug index; listing the slugs like "root-%" makes H2 read the
            // whole index (a WordPress import of thousands of posts did that once per post)
            return root;
        }
        java.util.Set<String> taken = new java.util.HashSet<>(Post.slugsLike(root, exceptId));
        if (kind == PostKind.PAGE) {
            taken.addAll(Paths.RESERVED);
        }
        return Slugs.firstFree(root, taken);
    }

    private static boolean isSelfOrDescendant(Post candidateParent, Post page) {
        for (Post p = candidateParent; p != null; p = p.parent) {
            if (page.id != null && page.id.equals(p.id)) {
                return true;
            }
        }
        return false;
    }

    /** The excerpt a post without one of its own shows: the start of its first paragraph. */
    public String deriveExcerpt(String body) {
        String text = markdown.firstParagraphText(body).replaceAll("\\s+", " ");
        if (text.length() <= DERIVED_EXCERPT) {
            return text;
        }
        int cut = text.lastIndexOf(' ', DERIVED_EXCERPT);
        return text.substring(0, cut > DERIVED_EXCERPT / 2 ? cut : DERIVED_EXCERPT) + "…";
    }

    private static PostKind parseKind(String kind) {
        if (kind == null || kind.isBlank()) {
            return PostKind.POST;
        }
        try {
            return PostKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(Map.of("kind", SiteLanguage.messages(CheckMessages.class).postKind()));
        }
    }

    /** Accepts an ISO instant with an offset, or a local date-time (as a form's datetime-local) in the site's zone. */
    static Instant parseInstant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return SiteTime.fromInput(LocalDateTime.parse(text));
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** Keeps what this save stored as a revision; the editor's autosaved copy is then out of date and goes. */
    private void keepRevision(Post post, AccountPrincipal editor, RevisionKind kind, Long restoredFrom) {
        PostRevision revision = new PostRevision();
        revision.post = post;
        revision.editor = Account.findById(editor.id());
        revision.kind = kind;
        revision.title = post.title;
        revision.bodyMarkdown = post.bodyMarkdown;
        revision.excerpt = post.excerpt;
        revision.status = post.status;
        revision.restoredFrom = restoredFrom;
        revision.createdAt = post.updatedAt;
        revision.persist();
        PostRevision.delete("post = ?1 and editor.id = ?2 and kind = ?3", post, editor.id(), RevisionKind.AUTOSAVE);
    }

    private void afterSave(Post post) {
        SlugRedirect.release(post.slug);
        saved.fire(PostSaved.of(post));
    }
}
