package org.quillpress.post;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import org.quillpress.account.AccountPrincipal;
import org.quillpress.web.CheckMessages;
import org.quillpress.web.InvalidInputException;
import org.quillpress.web.Paths;
import org.quillpress.web.SiteLanguage;
import org.quillpress.web.StaffText;

/**
 * The staff list of posts and pages (the desk): every status including the trash, with counts, search in
 * titles, filters and three orders, paged by keyset. Authors see their own posts; whoever may edit every
 * post ({@link Post#editsEveryPost}) sees them all. A page costs three statements whatever its size: the
 * counts, the posts with author and category, the tags of exactly those posts.
 */
@ApplicationScoped
public class PostDesk {

    public static final int PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;
    public static final int MAX_QUERY = 200;

    /** The most posts one bulk action takes: a few pages' worth of ticked boxes. */
    public static final int MAX_BULK = 200;

    @Inject
    EntityManager em;

    @Inject
    PostService posts;

    @Inject
    StaffText staff;

    @Inject
    PostTrash trash;

    @Inject
    Clock clock;

    /** What a bulk action does to every ticked post. */
    public enum BulkAction {
        PUBLISH,
        TRASH,
        RESTORE,
        PURGE,
        CATEGORY;

        public static BulkAction parse(String text) {
            try {
                return valueOf(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(Map.of("action",
                        SiteLanguage.messages(CheckMessages.class).deskAction()));
            }
        }
    }

    /** Which posts a tab shows: all but the trash, one status, or the trash. */
    public enum Tab {
        ALL(null),
        DRAFT(PostStatus.DRAFT),
        SCHEDULED(PostStatus.SCHEDULED),
        PUBLISHED(PostStatus.PUBLISHED),
        TRASH(PostStatus.TRASHED);

        final PostStatus status;

        Tab(PostStatus status) {
            this.status = status;
        }

        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The tab a query parameter names; all when none. */
        public static Tab parse(String text) {
            if (text == null || text.isBlank()) {
                return ALL;
            }
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(Map.of("status", SiteLanguage.messages(CheckMessages.class).deskStatus()));
            }
        }
    }

    /** The orders of the list; each has its keyset, the sort value and the id. */
    public enum Sort {
        /** Most recently changed first. */
        UPDATED("p.updatedAt desc, p.id desc"),
        /** Newest publishing time first; posts never published by their creation time. */
        PUBLISHED("coalesce(p.publishAt, p.createdAt) desc, p.id desc"),
        /** By title, A to Z. */
        TITLE("p.title asc, p.id asc");

        final String order;

        Sort(String order) {
            this.order = order;
        }

        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Sort parse(String text) {
            if (text == null || text.isBlank()) {
                return UPDATED;
            }
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(Map.of("sort", SiteLanguage.messages(CheckMessages.class).deskSort()));
            }
        }
    }

    /** What the list is asked for; null filters are not applied, {@code after} is a previous page's cursor. */
    public record Query(Tab tab, String search, String author, String category, String tag, PostKind kind, Sort sort,
            String after, int size) {
        public Query {
            if (search != null && search.strip().length() > MAX_QUERY) {
                throw new InvalidInputException(Map.of("q", SiteLanguage.messages(CheckMessages.class).deskQuery(MAX_QUERY)));
            }
            search = blankToNull(search);
            author = blankToNull(author);
            category = blankToNull(category);
            tag = blankToNull(tag);
            size = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        }
    }

    /** A post or page on the desk. */
    public record Row(long id, PostKind kind, String slug, String title, PostStatus status,
            PostStatus statusBeforeTrash, Instant publishAt, Instant updatedAt, Instant trashedAt, String authorName,
            String authorHandle, String category, List<String> tags, int version) {
        public String path() {
            return kind.path(slug);
        }

        public String editPath() {
            return Paths.postEdit(slug);
        }

        public boolean isTrashed() {
            return status == PostStatus.TRASHED;
        }

        public boolean isPage() {
            return kind == PostKind.PAGE;
        }
    }

    /** How many posts the viewer has in each status. */
    public record Counts(long all, long draft, long scheduled, long published, long trash) {
        public long of(Tab tab) {
            return switch (tab) {
                case ALL -> all;
                case DRAFT -> draft;
                case SCHEDULED -> scheduled;
                case PUBLISHED -> published;
                case TRASH -> trash;
            };
        }
    }

    /** One page of the list; {@code next} is the cursor of the following page, null on the last. */
    public record Page(List<Row> rows, Counts counts, String next) {
    }

    @Transactional
    public Page list(Query query, AccountPrincipal viewer) {
        boolean everyone = Post.editsEveryPost(viewer);
        Counts counts = counts(viewer, everyone);

        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder();
        if (query.tab().status == null) {
            where.append("p.status <> :trashed");
            params.put("trashed", PostStatus.TRASHED);
        } else {
            where.append("p.status = :status");
            params.put("status", query.tab().status);
        }
        if (!everyone) {
            where.append(" and p.author.id = :me");
            params.put("me", viewer.id());
        }
        if (query.search() != null) {
            where.append(" and lower(p.title) like :search escape '\\'");
            params.put("search", "%" + query.search().toLowerCase(Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (query.author() != null) {
            where.append(" and p.author.handle = :author");
            params.put("author", query.author());
        }
        if (query.category() != null) {
            where.append(" and p.category.slug = :category");
            params.put("category", query.category());
        }
        if (query.tag() != null) {
            where.append(" and exists (select 1 from Post tp join tp.tags t where tp = p and t.slug = :tag)");
            params.put("tag", query.tag());
        }
        if (query.kind() != null) {
            where.append(" and p.kind = :kind");
            params.put("kind", query.kind());
        }
        if (query.after() != null) {
            Cursor cursor = Cursor.decode(query.sort(), query.after());
            switch (query.sort()) {
                case UPDATED -> where.append(" and (p.updatedAt < :at or (p.updatedAt = :at and p.id < :id))");
                case PUBLISHED -> where.append(" and (coalesce(p.publishAt, p.createdAt) < :at or "
                        + "(coalesce(p.publishAt, p.createdAt) = :at and p.id < :id))");
                case TITLE -> where.append(" and (p.title > :at or (p.title = :at and p.id > :id))");
            }
            params.put("at", cursor.value());
            params.put("id", cursor.id());
        }
        TypedQuery<Post> select = em.createQuery("select p from Post p join fetch p.author left join fetch p.category "
                + "where " + where + " order by " + query.sort().order, Post.class);
        params.forEach(select::setParameter);
        List<Post> posts = select.setMaxResults(query.size() + 1).getResultList();
        boolean more = posts.size() > query.size();
        if (more) {
            posts = posts.subList(0, query.size());
        }
        Map<Long, List<String>> tags = new HashMap<>();
        if (!posts.isEmpty()) {
            em.createQuery("select p.id, t.name from Post p join p.tags t where p in :posts order by lower(t.name)",
                    Object[].class).setParameter("posts", posts).getResultList()
                    .forEach(r -> tags.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add((String) r[1]));
        }
        List<Row> rows = posts.stream().map(p -> new Row(p.id, p.kind, p.slug, p.title, p.status, p.statusBeforeTrash,
                p.publishAt, p.updatedAt, p.trashedAt, p.author.displayName, p.author.handle,
                p.category == null ? null : p.category.name, tags.getOrDefault(p.id, List.of()), p.version)).toList();
        String next = more ? Cursor.of(query.sort(), posts.get(posts.size() - 1)).encode() : null;
        return new Page(rows, counts, next);
    }

    /**
     * Applies one action to the posts with these ids, through the same rules as one post at a time; all or
     * nothing: a post the person may not edit (404) or one the action refuses stops the whole batch. Returns
     * how many posts there were.
     */
    @Transactional
    public int bulk(BulkAction action, List<Long> ids, String category, AccountPrincipal editor) {
        if (ids == null || ids.isEmpty()) {
            throw new InvalidInputException(Map.of("ids", staff.messages().deskErrNoneSelected()));
        }
        if (ids.size() > MAX_BULK) {
            throw new InvalidInputException(Map.of("ids", staff.messages().deskErrTooMany(MAX_BULK)));
        }
        if (action == BulkAction.CATEGORY && (category == null || category.isBlank())) {
            throw new InvalidInputException(Map.of("category", staff.messages().deskErrNoCategory()));
        }
        List<Post> chosen = em.createQuery("select p from Post p where p.id in :ids order by p.id", Post.class)
                .setParameter("ids", ids).getResultList();
        if (chosen.size() != new java.util.HashSet<>(ids).size()) {
            throw new NotFoundException();
        }
        chosen.forEach(p -> PostService.requireEditable(p, editor));
        Instant now = clock.instant();
        for (Post post : chosen) {
            try {
                switch (action) {
                    case TRASH -> trash.trash(post.slug, editor);
                    case RESTORE -> trash.restore(post.slug, editor);
                    case PURGE -> trash.purge(post.slug, editor);
                    case PUBLISH -> {
                        if (post.status == PostStatus.DRAFT || post.status == PostStatus.SCHEDULED) {
                            // publishing now: a backdated draft keeps its date, a future one is brought forward
                            Instant at = post.publishAt != null && !post.publishAt.isAfter(now) ? post.publishAt : null;
                            posts.update(post.slug, PostService.inputOf(post, PostStatus.PUBLISHED, at, null), editor);
                        }
                    }
                    case CATEGORY -> {
                        if (post.kind == PostKind.POST && !post.isTrashed()) {
                            posts.update(post.slug, PostService.inputOf(post, post.status, post.publishAt, category),
                                    editor);
                        }
                    }
                }
            } catch (InvalidInputException e) {
                // name the post: the message alone would not say which of the ticked posts it is about
                throw new InvalidInputException(e.status(), Map.of(e.errors().containsKey("category") ? "category" : "ids",
                        SiteLanguage.messages(CheckMessages.class).deskPostProblem(post.title,
                                String.join(" ", e.errors().values()))));
            }
        }
        return chosen.size();
    }

    private Counts counts(AccountPrincipal viewer, boolean everyone) {
        TypedQuery<Object[]> query = em.createQuery("select p.status, count(p) from Post p "
                + (everyone ? "" : "where p.author.id = :me ") + "group by p.status", Object[].class);
        if (!everyone) {
            query.setParameter("me", viewer.id());
        }
        Map<PostStatus, Long> by = new EnumMap<>(PostStatus.class);
        query.getResultList().forEach(r -> by.put((PostStatus) r[0], (Long) r[1]));
        long draft = by.getOrDefault(PostStatus.DRAFT, 0L);
        long scheduled = by.getOrDefault(PostStatus.SCHEDULED, 0L);
        long published = by.getOrDefault(PostStatus.PUBLISHED, 0L);
        return new Counts(draft + scheduled + published, draft, scheduled, published,
                by.getOrDefault(PostStatus.TRASHED, 0L));
    }

    /** The kind a query parameter names (post or page); both when none. */
    public static PostKind kind(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return PostKind.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(Map.of("kind", SiteLanguage.messages(CheckMessages.class).deskKind()));
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** A position in one of the orders: the sort value of the last row shown (an instant or a title), and its id. */
    record Cursor(Object value, long id) {

        static Cursor of(Sort sort, Post post) {
            return switch (sort) {
                case UPDATED -> new Cursor(post.updatedAt, post.id);
                case PUBLISHED -> new Cursor(post.publishAt != null ? post.publishAt : post.createdAt, post.id);
                case TITLE -> new Cursor(post.title, post.id);
            };
        }

        /** The value in URL-safe Base64 (a title may hold any character), a dot, the id. */
        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(value.toString().getBytes(StandardCharsets.UTF_8))
                    + "." + id;
        }

        static Cursor decode(Sort sort, String text) {
            try {
                int dot = text.lastIndexOf('.');
                String value = new String(Base64.getUrlDecoder().decode(text.substring(0, dot)), StandardCharsets.UTF_8);
                long id = Long.parseLong(text.substring(dot + 1));
                return new Cursor(sort == Sort.TITLE ? value : Instant.parse(value), id);
            } catch (IllegalArgumentException | IndexOutOfBoundsException | DateTimeParseException e) {
                throw new InvalidInputException(
                        Map.of("after", SiteLanguage.messages(CheckMessages.class).pageLinkNotValid()));
            }
        }
    }
}
