package org.quillpress.moderation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.quillpress.account.Ban;
import org.quillpress.comment.CommentStatus;
import org.quillpress.web.SiteTime;
import org.quillpress.web.TemplateExtensions;

/**
 * What the moderation pages show. Unlike {@code CommentViews}, these carry the writer's email and
 * address: they are built for staff eyes only.
 */
public final class ModerationViews {

    private ModerationViews() {
    }

    /** "4 March 2026, 14:03" in the site's zone: moderators need the time, not only the day. */
    static String when(Instant instant) {
        return SiteTime.dateTime(instant);
    }

    /** A status as the pages name it: "pending", "approved", "spam", "trash". */
    static String label(CommentStatus status) {
        return status == null ? "none" : status.name().toLowerCase(Locale.ROOT);
    }

    /** The tab and filter a moderator is looking at; actions send them back to it. */
    public record Filter(CommentStatus status, String post, String q, String after) {

        public static Filter of(String status, String post, String q, String after) {
            return new Filter(ModerationQueue.status(status), blankToNull(post), blankToNull(q), blankToNull(after));
        }

        public String statusName() {
            return label(status);
        }

        public String postOrEmpty() {
            return post == null ? "" : post;
        }

        public String qOrEmpty() {
            return q == null ? "" : q;
        }

        public String afterOrEmpty() {
            return after == null ? "" : after;
        }

        public boolean filtered() {
            return post != null || q != null;
        }

        /** The queue's address for this filter, with another status and cursor. */
        public String path(CommentStatus otherStatus, String otherAfter) {
            StringBuilder query = new StringBuilder("/moderation?status=").append(label(otherStatus));
            append(query, "post", post);
            append(query, "q", q);
            append(query, "after", otherAfter);
            return query.toString();
        }

        /** The address of this very page. */
        public String self() {
            return path(status, after);
        }

        public String firstPage() {
            return path(status, null);
        }

        /** This page without the post filter. */
        public String allPosts() {
            return new Filter(status, null, q, null).self();
        }

        /** This page without the search. */
        public String noSearch() {
            return new Filter(status, post, null, null).self();
        }

        /** The queue filtered to one post. */
        public String onlyPost(String slug) {
            return new Filter(status, slug, q, null).self();
        }

        static void append(StringBuilder query, String name, String value) {
            if (value != null && !value.isBlank()) {
                query.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }

    /** One tab of the queue with its count; the page words it from its name (staffmod:modTab). */
    public record Tab(String name, long count, boolean current, String path) {

        /** The count as shown: past {@link ModerationQueue#COUNT_CAP} the queue stops counting ("1000+"). */
        public String shownCount() {
            return ModerationQueue.shown(count);
        }
    }

    /** A button on a comment: the action's slug, as posted; the page words it (staffmod:modButton). */
    public record Button(String slug) {
    }

    /** A person's last decision on a comment, or any entry of its audit trail; the actor is null for the pipeline. */
    public record Decision(String actor, boolean byPipeline, String action, CommentStatus from, CommentStatus to,
            String reason, Instant at) {

        /** The status before, as the pages name it; null for a new comment. */
        public String fromName() {
            return from == null ? null : label(from);
        }

        /** The status after, as the pages name it ("none" once deleted). */
        public String toName() {
            return label(to);
        }

        public String when() {
            return ModerationViews.when(at);
        }

        public String iso() {
            return TemplateExtensions.iso(at);
        }

        /** The pipeline writes one reason per line. */
        public List<String> reasonLines() {
            return ModerationQueue.reasons(reason);
        }

        /** The reason in the site's language, its lines as stored. */
        public String shownReason() {
            return String.join("\n", reasonLines());
        }
    }

    /** A comment as the queue shows it to staff: its context, its writer, why it is where it is. */
    public record Entry(long id, CommentStatus status, String postSlug, String postTitle, Long parentId,
            String parentAuthor, String parentExcerpt, String authorName, String authorEmail, String authorUrl,
            String authorHandle, String clientAddress, String provider, boolean guest, long approvedCount,
            long spamCount, String bodyHtml, String bodyMarkdown, List<String> reasons, Instant createdAt,
            Instant editedAt, Decision lastDecision, String postPath) {

        public String statusName() {
            return label(status);
        }

        /** The writer's approved comments as shown: "100+" past {@link ModerationQueue#HISTORY_CAP}. */
        public String approvedShown() {
            return ModerationQueue.shownHistory(approvedCount);
        }

        /** The writer's spam as shown: "100+" past {@link ModerationQueue#HISTORY_CAP}. */
        public String spamShown() {
            return ModerationQueue.shownHistory(spamCount);
        }

        public String created() {
            return when(createdAt);
        }

        public String createdIso() {
            return TemplateExtensions.iso(createdAt);
        }

        public String edited() {
            return when(editedAt);
        }

        /** The status changes that make sense from where the comment is. */
        public List<Button> buttons() {
            return buttonsFor(status);
        }

        /**
         * What the pipeline's reasons explain, for their heading (staffmod:modReasonsHeading): why it held the comment
         * ("held"), why it took it for spam ("spam"), or what it noted on arrival ("noted").
         */
        public String reasonsKind() {
            if (lastDecision == null && status == CommentStatus.PENDING) {
                return "held";
            }
            if (lastDecision == null && status == CommentStatus.SPAM) {
                return "spam";
            }
            return "noted";
        }

        /** Only what is already out of sight (spam, trash) can be deleted for good. */
        public boolean deletable() {
            return ModerationService.deletable(status);
        }

        /** Staff reply only to what readers can see. */
        public boolean repliable() {
            return status == CommentStatus.APPROVED;
        }

        public String anchor() {
            return "entry-" + id;
        }
    }

    /** The status changes that make sense from a status, as WordPress offers them. */
    static List<Button> buttonsFor(CommentStatus status) {
        return switch (status) {
            case PENDING -> List.of(button(ModerationService.Action.APPROVE), button(ModerationService.Action.SPAM),
                    button(ModerationService.Action.TRASH));
            case APPROVED -> List.of(button(ModerationService.Action.UNAPPROVE), button(ModerationService.Action.SPAM),
                    button(ModerationService.Action.TRASH));
            case SPAM -> List.of(button(ModerationService.Action.NOT_SPAM), button(ModerationService.Action.TRASH));
            case TRASH -> List.of(button(ModerationService.Action.RESTORE));
        };
    }

    static Button button(ModerationService.Action action) {
        return new Button(action.slug);
    }

    /** The bulk actions offered on a tab: its buttons, and permanent deletion where allowed. */
    static List<Button> bulkActions(CommentStatus status) {
        List<Button> buttons = new ArrayList<>(buttonsFor(status));
        if (ModerationService.deletable(status)) {
            buttons.add(new Button(DELETE));
        }
        return buttons;
    }

    /** The slug of permanent deletion in the bulk form. */
    static final String DELETE = "delete";

    /** One page of the queue. */
    public record Queue(Filter filter, List<Tab> tabs, List<Entry> entries, String nextPage, List<Button> bulkActions,
            String notice) {

        public boolean hasEntries() {
            return !entries.isEmpty();
        }

        /** The title of the post the queue is filtered to, once an entry shows it. */
        public String postTitle() {
            return entries.isEmpty() ? filter.post() : entries.get(0).postTitle();
        }
    }

    /** An earlier body of an edited comment. */
    public record Revision(String bodyMarkdown, Instant replacedAt, String editor) {
        public String when() {
            return ModerationViews.when(replacedAt);
        }
    }

    /** A comment with its whole audit trail and its earlier bodies. */
    public record Trail(Entry entry, List<Decision> decisions, List<Revision> revisions) {
    }

    /** The forms of the comment page as typed, and the messages for their fields. */
    public record Forms(String body, String reply, String kind, String network, String banReason, String days,
            String then, Map<String, String> errors, String notice) {

        static Forms fresh(Entry entry, String notice) {
            return new Forms(entry.bodyMarkdown(), "", entry.guest() ? "email" : "account",
                    entry.clientAddress() == null ? "" : entry.clientAddress(), "", "", "spam", Map.of(), notice);
        }

        public boolean hasErrors() {
            return !errors.isEmpty();
        }
    }

    /** A ban as the list shows it. */
    public record BanRow(long id, Ban.Kind kind, String value, String target, String reason, String createdBy,
            Instant createdAt, Instant expiresAt) {

        public String created() {
            return when(createdAt);
        }

        /** When the ban ends; null when it does not. */
        public String expires() {
            return expiresAt == null ? null : when(expiresAt);
        }
    }

    /** A page of active bans. */
    public record BanList(List<BanRow> bans, String nextPage, boolean firstPage) {
    }
}
