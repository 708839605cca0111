package org.quillpress.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;
import org.quillpress.account.Ban;
import org.quillpress.comment.Comment;
import org.quillpress.comment.CommentRevision;
import org.quillpress.comment.CommentStatus;
import org.quillpress.comment.ModerationAction;
import org.quillpress.comment.StoredReasons;
import org.quillpress.moderation.ModerationViews.Decision;
import org.quillpress.moderation.ModerationViews.Entry;
import org.quillpress.moderation.ModerationViews.Filter;
import org.quillpress.web.CheckMessages;
import org.quillpress.web.InvalidInputException;
import org.quillpress.web.SiteLanguage;

/**
 * Reads the moderation queue. A page takes a fixed number of statements whatever its length: the tab
 * counts (one count per status, capped), the page of comments with their posts, parents and accounts, then the
 * writers' histories and the last decisions for the whole page at once.
 */
@ApplicationScoped
public class ModerationQueue {

    static final int PAGE = 50;
    static final int BAN_PAGE = 100;
    static final int EXCERPT = 140;
    /**
     * Counts stop here: a moderator needs to know that a tab is large, not by how much. Each count reads up to
     * this many index entries, on the queue page (four tabs) and in every staff page's header (the pending
     * count): at 10,000 a site with 10,000 held comments read 40,000 entries per queue page.
     */
    static final int COUNT_CAP = 1_000;

    /**
     * A writer's approved and spam counts stop here: "100+" tells a moderator enough, and each count reads at
     * most this many index entries, whatever the writer's comments number.
     */
    static final int HISTORY_CAP = 100;

    private static final Parser PARSER = Parser.builder().build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();
    private static final List<CommentStatus> HISTORY = List.of(CommentStatus.APPROVED, CommentStatus.SPAM);

    @Inject
    Clock clock;

    /** A position in the queue: the last comment shown, by the order of the index comment_queue. */
    record Cursor(Instant at, long id) {

        String encode() {
            return at.getEpochSecond() + "-" + at.getNano() + "-" + id;
        }

        static Cursor parse(String text) {
            try {
                String[] parts = text.split("-");
                if (parts.length != 3) {
                    throw new NumberFormatException(text);
                }
                return new Cursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                        Long.parseLong(parts[2]));
            } catch (RuntimeException e) {
                throw new InvalidInputException(Map.of("after", SiteLanguage.messages(CheckMessages.class).pageLinkDamaged()));
            }
        }
    }

    /** The status a tab names; pending when none is given. */
    static CommentStatus status(String name) {
        if (name == null || name.isBlank()) {
            return CommentStatus.PENDING;
        }
        try {
            return CommentStatus.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(Map.of("status", SiteLanguage.messages(CheckMessages.class).modStatus()));
        }
    }

    /** How many comments wait for a moderator, as shown: one count that stops past {@link #COUNT_CAP}. */
    @Transactional
    public String pendingCount() {
        return shown(tabCount(Comment.getEntityManager(), CommentStatus.PENDING, false, "1 = 1", Map.of()));
    }

    /** A count as shown: past {@link #COUNT_CAP} the queue stops counting ("1000+"). */
    static String shown(long count) {
        return count > COUNT_CAP ? COUNT_CAP + "+" : Long.toString(count);
    }

    /**
     * One page of the queue: pending comments oldest first (the longest waiting come first), the other
     * tabs newest first. The tab counts follow the post filter and the search.
     */
    @Transactional
    public ModerationViews.Queue page(Filter filter, String notice) {
        EntityManager em = Comment.getEntityManager();
        Map<String, Object> params = new HashMap<>();
        String where = filterClause(filter, params);

        Map<CommentStatus, Long> counts = new EnumMap<>(CommentStatus.class);
        for (CommentStatus status : CommentStatus.values()) {
            counts.put(status, tabCount(em, status, filter.post() != null, where, params));
        }
        List<ModerationViews.Tab> tabs = new ArrayList<>();
        for (CommentStatus status : CommentStatus.values()) {
            tabs.add(new ModerationViews.Tab(ModerationViews.label(status),
                    counts.getOrDefault(status, 0L), status == filter.status(), filter.path(status, null)));
        }

        boolean ascending = filter.status() == CommentStatus.PENDING;
        String direction = ascending ? "asc" : "desc";
        String cmp = ascending ? ">" : "<";
        StringBuilder hql = new StringBuilder("select c from Comment c join fetch c.post p left join fetch c.parent "
                + "left join fetch c.account where c.status = :status and ").append(where);
        params.put("status", filter.status());
        if (filter.after() != null) {
            Cursor cursor = Cursor.parse(filter.after());
            hql.append(" and (c.createdAt ").append(cmp).append(" :at or (c.createdAt = :at and c.id ").append(cmp)
                    .append(" :id))");
            params.put("at", cursor.at());
            params.put("id", cursor.id());
        }
        // the status is fixed, but naming it lets the database read the index comment_queue in order
        hql.append(" order by c.status ").append(direction).append(", c.createdAt ").append(direction)
                .append(", c.id ").append(direction);
        TypedQuery<Comment> listQuery = em.createQuery(hql.toString(), Comment.class).setMaxResults(PAGE + 1);
        params.forEach(listQuery::setParameter);
        List<Comment> found = listQuery.getResultList();
        List<Comment> shown = found.size() > PAGE ? found.subList(0, PAGE) : found;
        String next = null;
        if (found.size() > PAGE) {
            Comment last = shown.get(shown.size() - 1);
            next = filter.path(filter.status(), new Cursor(last.createdAt, last.id).encode());
        }
        return new ModerationViews.Queue(filter, tabs, entries(shown), next,
                ModerationViews.bulkActions(filter.status()), notice);
    }

    /**
     * The comments of one tab. Site-wide each count stops one past {@link #COUNT_CAP}, reading at most that
     * many entries of the index comment_queue in its order, where a full count of the approved tab would
     * read a million; one post's count reads that post's entries of comment_thread.
     */
    private static long tabCount(EntityManager em, CommentStatus status, boolean onePost, String where,
            Map<String, Object> params) {
        TypedQuery<Long> query = em.createQuery(!onePost
                ? "select count(*) from (select c.id as id from Comment c where c.status = :status and " + where
                        + " order by c.status, c.createdAt, c.id limit " + (COUNT_CAP + 1) + ") counted"
                : "select count(c) from Comment c join c.post p where c.status = :status and " + where,
                Long.class);
        params.forEach(query::setParameter);
        return query.setParameter("status", status).getSingleResult();
    }

    /** The post filter and the search, as a where clause on {@code c} (and {@code p}, its post). */
    private static String filterClause(Filter filter, Map<String, Object> params) {
        StringBuilder where = new StringBuilder("1 = 1");
        if (filter.post() != null) {
            where.append(" and p.slug = :post");
            params.put("post", filter.post());
        }
        if (filter.q() != null) {
            where.append(" and (lower(c.bodyMarkdown) like :q escape '!' or lower(c.authorName) like :q escape '!'"
                    + " or lower(c.authorEmail) like :q escape '!')");
            params.put("q", "%" + likeEscape(filter.q().toLowerCase(Locale.ROOT)) + "%");
        }
        return where.toString();
    }

    /** Makes % and _ (and the escape character itself) match literally. */
    static String likeEscape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** A comment with its audit trail and earlier bodies. */
    @Transactional
    public ModerationViews.Trail trail(long id) {
        Comment comment = Comment.<Comment> find("select c from Comment c join fetch c.post left join fetch c.parent "
                + "left join fetch c.account where c.id = ?1", id).firstResultOptional()
                .orElseThrow(NotFoundException::new);
        List<Decision> decisions = ModerationAction.listFor(comment).stream().map(ModerationQueue::decision).toList();
        List<ModerationViews.Revision> revisions = CommentRevision.<CommentRevision> list(
                "from CommentRevision r left join fetch r.editor where r.comment = ?1 order by r.replacedAt desc, r.id desc",
                comment).stream()
                .map(r -> new ModerationViews.Revision(r.bodyMarkdown, r.replacedAt,
                        r.editor == null ? "the writer" : r.editor.displayName))
                .toList();
        return new ModerationViews.Trail(entries(List.of(comment)).get(0), decisions, revisions);
    }

    /**
     * The entries for some comments, whose posts, parents and accounts are loaded. The writers' counts and the
     * last decisions come from one query each, for all the comments together.
     */
    List<Entry> entries(List<Comment> comments) {
        if (comments.isEmpty()) {
            return List.of();
        }
        EntityManager em = Comment.getEntityManager();
        List<Long> accountIds = comments.stream().filter(c -> c.account != null).map(c -> c.account.id).distinct()
                .toList();
        List<String> emails = comments.stream().filter(c -> c.account == null && c.authorEmail != null)
                .map(c -> c.authorEmail).distinct().toList();
        Map<String, Map<CommentStatus, Long>> history = history(em, accountIds, emails);
        List<Long> ids = comments.stream().map(c -> c.id).toList();
        Map<Long, Decision> last = em.createQuery("select a from ModerationAction a left join fetch a.actor "
                + "where a.comment.id in :ids and a.id = (select max(b.id) from ModerationAction b "
                + "where b.comment = a.comment and b.actor is not null)", ModerationAction.class)
                .setParameter("ids", ids).getResultList().stream()
                .collect(Collectors.toMap(a -> a.comment.id, ModerationQueue::decision, (a, b) -> b));

        return comments.stream().map(c -> {
            Map<CommentStatus, Long> counts = history.getOrDefault(writer(c), Map.of());
            return new Entry(c.id, c.status, c.post.slug, c.post.title, c.parent == null ? null : c.parent.id,
                    c.parent == null ? null : c.parent.authorName,
                    c.parent == null ? null : excerpt(c.parent.bodyMarkdown), c.authorName, c.authorEmail, c.authorUrl,
                    c.account == null ? null : c.account.handle, c.clientAddress,
                    c.authorProvider == null ? "guest" : c.authorProvider, c.account == null,
                    counts.getOrDefault(CommentStatus.APPROVED, 0L), counts.getOrDefault(CommentStatus.SPAM, 0L),
                    c.bodyHtml, c.bodyMarkdown, reasons(c.reasons), c.createdAt, c.editedAt, last.get(c.id),
                    c.post.path());
        }).toList();
    }

    /**
     * How many approved and spam comments each writer of a page has, counted up to {@link #HISTORY_CAP} + 1 per
     * writer and status, in one statement: a count per writer and status of at most that many entries of the
     * index comment_account (accounts) or comment_guest_history (guests, by exact email). A full count read
     * every comment of a writer: with 1,000,000 comments by a few writers, each queue page read them all.
     */
    private static Map<String, Map<CommentStatus, Long>> history(EntityManager em, List<Long> accountIds,
            List<String> emails) {
        List<String> writers = new ArrayList<>();
        List<String> arms = new ArrayList<>();
        for (int i = 0; i < accountIds.size() + emails.size(); i++) {
            boolean account = i < accountIds.size();
            writers.add(account ? "account:" + accountIds.get(i) : "email:" + emails.get(i - accountIds.size()));
            String writer = account ? "c.account_id = :w" + i : "c.account_id is null and c.author_email = :w" + i;
            for (CommentStatus status : HISTORY) {
                arms.add("select " + i + " as w, '" + status.name() + "' as s, count(*) as n from (select c.id from "
                        + "comment c where " + writer + " and c.status = '" + status.name() + "' limit "
                        + (HISTORY_CAP + 1) + ") h");
            }
        }
        if (arms.isEmpty()) {
            return Map.of();
        }
        Query query = em.createNativeQuery(String.join(" union all ", arms));
        for (int i = 0; i < writers.size(); i++) {
            query.setParameter("w" + i, i < accountIds.size() ? accountIds.get(i) : emails.get(i - accountIds.size()));
        }
        Map<String, Map<CommentStatus, Long>> history = new HashMap<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            history.computeIfAbsent(writers.get(((Number) columns[0]).intValue()),
                    k -> new EnumMap<>(CommentStatus.class))
                    .put(CommentStatus.valueOf(((String) columns[1]).strip()), ((Number) columns[2]).longValue());
        }
        return history;
    }

    /** Who wrote a comment, as {@link #history} keys it: the account, or a guest's exact email. */
    private static String writer(Comment c) {
        return c.account != null ? "account:" + c.account.id : "email:" + c.authorEmail;
    }

    /** A writer's count as shown: past {@link #HISTORY_CAP} the queue stops counting ("100+"). */
    static String shownHistory(long count) {
        return count > HISTORY_CAP ? HISTORY_CAP + "+" : Long.toString(count);
    }

    static Decision decision(ModerationAction a) {
        return new Decision(a.actor == null ? null : a.actor.displayName, a.actor == null, a.action,
                a.fromStatus, a.toStatus, a.reason, a.createdAt);
    }

    /** The reasons stored one per line, in the site's language. */
    static List<String> reasons(String stored) {
        return StoredReasons.lines(stored);
    }

    /** The first words of some Markdown as plain text, for the parent of a reply. */
    static String excerpt(String markdown) {
        String text = TEXT.render(PARSER.parse(markdown == null ? "" : markdown)).replaceAll("\\s+", " ").strip();
        if (text.codePointCount(0, text.length()) <= EXCERPT) {
            return text;
        }
        String cut = text.substring(0, text.offsetByCodePoints(0, EXCERPT));
        int space = cut.lastIndexOf(' ');
        return (space > EXCERPT / 2 ? cut.substring(0, space) : cut).strip() + "…";
    }

    /** Active bans, newest first, with who made them and the account an account ban names. */
    @Transactional
    public ModerationViews.BanList bans(String before) {
        Long beforeId = null;
        if (before != null && !before.isBlank()) {
            try {
                beforeId = Long.parseLong(before.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException(Map.of("before", SiteLanguage.messages(CheckMessages.class).pageLinkDamaged()));
            }
        }
        TypedQuery<Object[]> query = Ban.getEntityManager().createQuery("select b, creator.displayName, "
                + "target.displayName from Ban b left join Account creator on creator.id = b.createdBy "
                + "left join Account target on b.kind = :accountKind and cast(target.id as String) = b.value "
                + "where (b.expiresAt is null or b.expiresAt > :now)"
                + (beforeId == null ? "" : " and b.id < :before") + " order by b.id desc", Object[].class)
                .setParameter("accountKind", Ban.Kind.ACCOUNT).setParameter("now", clock.instant())
                .setMaxResults(BAN_PAGE + 1);
        if (beforeId != null) {
            query.setParameter("before", beforeId);
        }
        List<Object[]> rows = query.getResultList();
        Function<Object[], ModerationViews.BanRow> row = r -> {
            Ban b = (Ban) r[0];
            return new ModerationViews.BanRow(b.id, b.kind, b.value, (String) r[2], b.reason,
                    r[1] == null ? "—" : (String) r[1], b.createdAt, b.expiresAt);
        };
        List<ModerationViews.BanRow> shown = rows.stream().limit(BAN_PAGE).map(row).toList();
        String next = rows.size() > BAN_PAGE ? "/moderation/bans?before=" + shown.get(shown.size() - 1).id() : null;
        return new ModerationViews.BanList(shown, next, beforeId == null);
    }
}
