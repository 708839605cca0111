package org.quillpress.comment;

import java.time.Instant;
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
