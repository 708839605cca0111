package org.quillpress.comment;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What pages and the API show of comments: never an email, never a client address. */
public final class CommentViews {

    private CommentViews() {
    }

    /** One comment as the thread shows it. */
    public record Item(long id, Long parentId, int depth, String authorName, String authorUrl, String provider,
            String providerLabel, String bodyHtml, Instant createdAt, Instant editedAt, boolean byPostAuthor, boolean pending,
            boolean editable, boolean byStaff) {

        /** The staff badge, unless the post author's badge says it already. */
        public boolean staffBadge() {
            return byStaff && !byPostAuthor;
        }

        public String anchor() {
            return "comment-" + id;
        }

        public String initials() {
            return org.quillpress.web.Avatars.initials(authorName);
        }

        public int colour() {
            return org.quillpress.web.Avatars.colour(authorName);
        }

        /** Depth for display, capped at the deepest level the stylesheet indents. */
        public int displayDepth() {
            return Math.min(depth, DiscussionSettings.Rules.MAX_DEPTH);
        }
    }

    /**
     * A post's discussion: one page of comments in thread order (whole threads, paged by their top-level
     * comment), and whether new ones are taken.
     */
    public record Thread(List<Item> comments, long approvedCount, boolean open, int page, int pageCount) {
        public boolean isEmpty() {
            return comments.isEmpty();
        }

        /** The page's comments as nested lists, for the template. */
        public List<Row> rows() {
            return nest(comments);
        }

        public boolean hasOlder() {
            return page > 1;
        }

        public boolean hasNewer() {
            return page < pageCount;
        }

        /** The query of the older page's address: none for the first page, whose address is the post's. */
        public String olderQuery() {
            return query(page - 1);
        }

        public String newerQuery() {
            return query(page + 1);
        }

        private static String query(int page) {
            return page > 1 ? "?cpage=" + page : "";
        }
    }

    /** Sub-threads of at least this many replies can be folded away (they start unfolded). */
    static final int FOLD_AT = 3;

    /**
     * One comment in its place among nested lists: the name of the comment it answers (when that one is shown
     * too), how many replies lie below it, whether the next comment opens its list of replies, and otherwise the
     * lists of replies that end after it, innermost first, each saying whether its replies fold.
     */
    public record Row(Item comment, String parentName, int replies, boolean opensReplies, List<Boolean> closes) {
        /** Whether its replies are many enough to be folded away. */
        public boolean folds() {
            return replies >= FOLD_AT;
        }
    }

    /**
     * Nests comments given in thread order (each thread's comments follow its first one, replies follow what
     * they answer). A comment whose parent is not among them (not approved, or on no page shown) starts a
     * thread of its own here rather than hanging under the wrong one.
     */
    static List<Row> nest(List<Item> comments) {
        int n = comments.size();
        Map<Long, Integer> index = new HashMap<>();
        int[] parent = new int[n];
        int[] level = new int[n];
        int[] replies = new int[n];
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            Item c = comments.get(i);
            Integer p = c.parentId() == null ? null : index.get(c.parentId());
            // the comments still open above this one are its parent and that one's own ancestors
            while (!open.isEmpty() && (p == null || open.peek() != p.intValue())) {
                open.pop();
            }
            parent[i] = open.isEmpty() ? -1 : open.peek();
            level[i] = open.size() + 1;
            for (int a = parent[i]; a >= 0; a = parent[a]) {
                replies[a]++;
            }
            open.push(i);
            index.put(c.id(), i);
        }
        List<Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int next = i + 1 < n ? level[i + 1] : 1;
            boolean opens = i + 1 < n && parent[i + 1] == i;
            List<Boolean> closes = new ArrayList<>();
            for (int a = parent[i], left = opens ? 0 : level[i] - next; left > 0; a = parent[a], left--) {
                closes.add(replies[a] >= FOLD_AT);
            }
            rows.add(new Row(comments.get(i), parent[i] >= 0 ? comments.get(parent[i]).authorName() : null, replies[i],
                    opens, closes));
        }
        return rows;
    }

    /** The comment form as typed, with the messages for its fields. */
    public record Form(String body, Long parentId, String name, String email, String website, boolean notifyReplies,
            Map<String, String> errors) {
        public static Form empty(String name, String email, String website) {
            return new Form("", null, name, email, website, false, Map.of());
        }

        public boolean hasErrors() {
            return !errors.isEmpty();
        }
    }
}
