package org.quillpress.wxr;

import static org.quillpress.wxr.WxrImporter.FLUSH_COMMENTS;
import static org.quillpress.wxr.WxrImporter.MAX_STORED_DEPTH;
import static org.quillpress.wxr.WxrText.clip;
import static org.quillpress.wxr.WxrText.date;
import static org.quillpress.wxr.WxrText.value;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.quillpress.comment.Comment;
import org.quillpress.comment.CommentStatus;
import org.quillpress.comment.Threading;
import org.quillpress.post.Post;
import org.quillpress.web.BodyFormat;
import org.quillpress.web.Markdown;
import org.quillpress.wxr.ImportReport.Kind;
import org.quillpress.wxr.WxrReader.Item;

/** A post's WordPress comments as comments here, in their threads, each found again by its WordPress id. */
@ApplicationScoped
class ImportedComments {

    @Inject
    Markdown markdown;

    @Inject
    EntityManager em;

    /** PostgreSQL gets the comments in plain JDBC batches, H2 one entity at a time (see {@link Batched}). */
    @ConfigProperty(name = "quarkus.datasource.db-kind", defaultValue = "h2")
    String dbKind;

    /** Comment ids drawn from the sequence per query. */
    static final int RESERVED_IDS = 1000;

    /** A comment here as far as threading needs it: its id, depth and path (the chain of ids from its root). */
    record Node(long id, int depth, String path) {

        /** The comment this one replies to, read from the path (null for a thread's first comment). */
        Node parent() {
            int cut = path.lastIndexOf('/');
            if (cut < 0) {
                return null;
            }
            String parentPath = path.substring(0, cut);
            return new Node(Long.parseLong(parentPath.substring(parentPath.lastIndexOf('/') + 1)), depth - 1,
                    parentPath);
        }
    }

    /** Stores the item's comments on {@code post}, those not imported before, and remembers their WordPress ids. */
    void importComments(ImportRun run, String source, Item item, Post post, String what) {
        List<Map<String, String>> comments = new ArrayList<>(item.comments());
        // WordPress numbers comments in the order they were written, so a parent comes before its replies
        comments.sort(Comparator.comparingLong(c -> WxrReader.number(c.get("wp:comment_id"))));
        // What this item's comments and their parents became in earlier imports or items, in a few queries
        // rather than one (and a flush of everything pending) per comment; kept up to date as comments come in.
        Set<Long> wanted = new HashSet<>();
        for (Map<String, String> c : comments) {
            wanted.add(WxrReader.number(c.get("wp:comment_id")));
            wanted.add(WxrReader.number(c.get("wp:comment_parent")));
        }
        wanted.removeIf(id -> id <= 0);
        Map<Long, Long> linked = WxrLink.localIds(source, WxrLink.Kind.COMMENT, wanted);
        Map<Long, Node> known = nodes(linked.values());
        Map<Long, Node> byWpId = new HashMap<>();
        List<WxrLink> links = new ArrayList<>();
        long postId = post.id;
        Instant postCreated = post.createdAt;
        int sinceFlush = 0;
        Rows rows = dbKind.toLowerCase(Locale.ROOT).startsWith("postgres") ? new Batched(run, postId) : new Persisted();
        for (Map<String, String> c : comments) {
            long wpId = WxrReader.number(c.get("wp:comment_id"));
            String author = value(c, "wp:comment_author");
            String label = ImportRun.words().comment(wpId, author.isEmpty() ? ImportRun.words().noName() : author, what);
            String type = value(c, "wp:comment_type");
            if (type.equals("pingback") || type.equals("trackback")) {
                run.skipped(Kind.COMMENT, label, ImportRun.words().skipPingback(type));
                continue;
            }
            if (!type.isEmpty() && !type.equals("comment")) {
                run.skipped(Kind.COMMENT, label, ImportRun.words().skipCommentType(type));
                continue;
            }
            if (wpId > 0) {
                Long existing = linked.get(wpId);
                if (existing != null) {
                    Node here = known.get(existing);
                    if (here != null) {
                        byWpId.put(wpId, here);
                    }
                    run.skipped(Kind.COMMENT, label, ImportRun.words().skipAlreadyImported());
                    continue;
                }
            }
            String body = c.getOrDefault("wp:comment_content", "");
            String markdownSource = c.get("qp:markdown");
            if ((markdownSource != null ? markdownSource : body).length() > 65535) {
                run.failed(Kind.COMMENT, label, ImportRun.words().failCommentTooLong());
                continue;
            }
            Comment comment = new Comment();
            comment.post = post;
            long wpParent = WxrReader.number(c.get("wp:comment_parent"));
            Node parent = null;
            if (wpParent > 0) {
                parent = byWpId.get(wpParent);
                if (parent == null) {
                    Long parentId = linked.get(wpParent);
                    parent = parentId == null ? null : known.get(parentId);
                }
                if (parent == null) {
                    run.note(ImportRun.words().noteOrphanReply(label, wpParent));
                }
            }
            // the site's threading rule, at the depth an import keeps (pages show threads capped at the setting)
            parent = Threading.attachTo(parent, MAX_STORED_DEPTH, Node::depth, Node::parent);
            comment.depth = parent == null ? 1 : parent.depth() + 1;
            comment.path = "";
            comment.authorName = clip(author.isEmpty() ? "Anonymous" : author, 245);
            String email = value(c, "wp:comment_author_email");
            comment.authorEmail = email.length() <= 100 && email.contains("@") ? email : null;
            String url = value(c, "wp:comment_author_url");
            comment.authorUrl = url.length() <= 200 && (url.startsWith("http://") || url.startsWith("https://")) ? url
                    : null;
            String address = value(c, "wp:comment_author_IP");
            comment.clientAddress = address.isEmpty() ? null : clip(address, 64);
            comment.bodyFormat = markdownSource != null ? BodyFormat.MARKDOWN : BodyFormat.WORDPRESS;
            comment.bodyMarkdown = markdownSource != null ? markdownSource : body;
            comment.bodyHtml = markdown.renderComment(comment.bodyMarkdown, comment.bodyFormat);
            String approved = value(c, "wp:comment_approved");
            comment.status = switch (approved) {
                case "1", "approve", "approved" -> CommentStatus.APPROVED;
                case "spam" -> CommentStatus.SPAM;
                case "trash", "post-trashed" -> CommentStatus.TRASH;
                default -> CommentStatus.PENDING;
            };
            if (comment.status == CommentStatus.PENDING) {
                comment.reasons = "awaiting moderation on WordPress when it was exported";
            }
            Instant created = date(value(c, "wp:comment_date_gmt"), value(c, "wp:comment_date"), "", run.blogOffset());
            comment.createdAt = created != null ? created : postCreated;
            rows.add(comment, parent);
            if (wpId > 0) {
                // stored with the item's other links once its comments are in, as one JDBC batch
                links.add(WxrLink.of(source, WxrLink.Kind.COMMENT, wpId, comment.id, null));
                Node node = new Node(comment.id, comment.depth, comment.path);
                byWpId.put(wpId, node);
                linked.put(wpId, comment.id);
                known.put(comment.id, node);
            }
            run.imported(Kind.COMMENT);
            if (++sinceFlush >= FLUSH_COMMENTS) {
                // a post with a great many comments: write what is pending and forget it, so that memory and
                // the cost of each flush stay bounded (the transaction still ends with the batch)
                rows.write();
                links.forEach(link -> link.persist());
                links.clear();
                em.flush();
                em.clear();
                post = em.getReference(Post.class, postId);
                sinceFlush = 0;
            }
        }
        rows.write();
        links.forEach(link -> link.persist());
    }

    /** Where an item's comments are stored: each gets its id and its path (its parent's path and its own id). */
    private interface Rows {

        /** Stores {@code comment} as a reply to {@code parent} (null: it opens a thread), giving it its id and path. */
        void add(Comment comment, Node parent);

        /** Writes what is pending to the database. */
        void write();
    }

    /**
     * One entity each: the database gives the id as the row goes in, so the path is written by a second
     * statement at the next flush. Quick enough on an embedded H2, whose identity column has no sequence a
     * query could draw ids from in advance.
     */
    private final class Persisted implements Rows {

        @Override
        public void add(Comment comment, Node parent) {
            comment.parent = parent == null ? null : em.getReference(Comment.class, parent.id());
            comment.persist();
            comment.path = path(parent, comment.id);
        }

        @Override
        public void write() {
            // the session writes them at its flush
        }
    }

    /**
     * Plain JDBC batches on the transaction's own connection, ids drawn ahead from the sequence behind the
     * table's identity column (the one every other insert draws from, so ids stay unique and later comments
     * carry on after them), so each row goes in once and whole, path included: one statement per comment, an
     * insert and then an update of its path, had a million comments take 18 minutes on PostgreSQL. No entity
     * is made, so the session holds nothing stale about them.
     */
    private final class Batched implements Rows {
        private static final String INSERT = "insert into comment (id, post_id, parent_id, depth, path, author_name, "
                + "author_email, author_url, body_markdown, body_html, body_format, status, reasons, client_address, "
                + "notify_replies, created_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, 0)";

        private final ImportRun run;
        private final long postId;
        private final List<Comment> pending = new ArrayList<>();
        private final List<Long> parents = new ArrayList<>();

        Batched(ImportRun run, long postId) {
            this.run = run;
            this.postId = postId;
        }

        @Override
        public void add(Comment comment, Node parent) {
            if (run.commentIds.isEmpty()) {
                reserveIds();
            }
            comment.id = run.commentIds.poll();
            comment.path = path(parent, comment.id);
            pending.add(comment);
            parents.add(parent == null ? null : parent.id());
        }

        /** Ids for this post and the next ones: a query per post would cost about as much as writing its comments. */
        private void reserveIds() {
            for (Object id : em.createNativeQuery("select nextval(pg_get_serial_sequence('comment', 'id')) "
                    + "from generate_series(1, " + RESERVED_IDS + ")").getResultList()) {
                run.commentIds.add(((Number) id).longValue());
            }
        }

        @Override
        public void write() {
            if (pending.isEmpty()) {
                return;
            }
            // what the session holds goes first (the post the comments belong to), leaving its own batch empty
            em.flush();
            em.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    for (int i = 0; i < pending.size(); i++) {
                        Comment c = pending.get(i);
                        insert.setLong(1, c.id);
                        insert.setLong(2, postId);
                        insert.setObject(3, parents.get(i), Types.BIGINT);
                        insert.setInt(4, c.depth);
                        insert.setString(5, c.path);
                        insert.setString(6, c.authorName);
                        insert.setString(7, c.authorEmail);
                        insert.setString(8, c.authorUrl);
                        insert.setString(9, c.bodyMarkdown);
                        insert.setString(10, c.bodyHtml);
                        insert.setString(11, c.bodyFormat.name());
                        insert.setString(12, c.status.name());
                        insert.setString(13, c.reasons);
                        insert.setString(14, c.clientAddress);
                        insert.setObject(15, c.createdAt.atOffset(ZoneOffset.UTC));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            });
            pending.clear();
            parents.clear();
        }
    }

    private static String path(Node parent, long id) {
        return (parent == null ? "" : parent.path() + "/") + Comment.segment(id);
    }

    /** Id, depth and path of these comments, those still here. */
    private static Map<Long, Node> nodes(Collection<Long> ids) {
        Map<Long, Node> nodes = new HashMap<>();
        List<Long> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += WxrLink.LOOKUP_CHUNK) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + WxrLink.LOOKUP_CHUNK));
            Comment.find("select c.id, c.depth, c.path from Comment c where c.id in ?1", chunk)
                    .project(Object[].class).<Object[]> list().forEach(row -> nodes.put((Long) row[0],
                            new Node((Long) row[0], (Integer) row[1], (String) row[2])));
        }
        return nodes;
    }
}
