package org.quillpress.moderation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import org.quillpress.account.Account;
import org.quillpress.account.AccountPrincipal;
import org.quillpress.account.AccountService;
import org.quillpress.account.Ban;
import org.quillpress.account.Bans;
import org.quillpress.account.Role;
import org.quillpress.comment.Comment;
import org.quillpress.comment.CommentBody;
import org.quillpress.comment.CommentPosted;
import org.quillpress.comment.CommentRevision;
import org.quillpress.comment.CommentService;
import org.quillpress.comment.CommentStatus;
import org.quillpress.comment.CommentSubmission;
import org.quillpress.comment.ModerationAction;
import org.quillpress.comment.Writer;
import org.quillpress.web.CheckMessages;
import org.quillpress.web.InvalidInputException;
import org.quillpress.web.Markdown;
import org.quillpress.web.SiteLanguage;
import org.quillpress.web.StaffText;

/** What moderators do to comments; every change is written to the audit trail. */
@ApplicationScoped
public class ModerationService {

    /** The actions on a comment's status, by the name used in URLs. */
    public enum Action {
        APPROVE("approve", CommentStatus.APPROVED),
        UNAPPROVE("unapprove", CommentStatus.PENDING),
        SPAM("spam", CommentStatus.SPAM),
        NOT_SPAM("not-spam", CommentStatus.PENDING),
        TRASH("trash", CommentStatus.TRASH),
        RESTORE("restore", CommentStatus.PENDING);

        public final String slug;
        public final CommentStatus to;

        Action(String slug, CommentStatus to) {
            this.slug = slug;
            this.to = to;
        }

        public static Action of(String slug) {
            for (Action action : values()) {
                if (action.slug.equals(slug == null ? "" : slug.toLowerCase(Locale.ROOT))) {
                    return action;
                }
            }
            throw new InvalidInputException(Map.of("action",
                    SiteLanguage.messages(CheckMessages.class).modAction()));
        }
    }

    /** The longest ban a moderator can give with an end date; longer means permanent. */
    public static final int MAX_BAN_DAYS = 3650;
    /** What the audit trail's reason column holds. */
    public static final int MAX_ACTION_REASON = 2000;

    public static final int MAX_BAN_REASON = 1000;

    @Inject
    Event<CommentPosted> events;

    @Inject
    StaffText staff;

    @Inject
    Event<BanChanged> banChanges;

    @Inject
    Markdown markdown;

    @Inject
    CommentService comments;

    @Inject
    AccountService accounts;

    @Inject
    Clock clock;

    /** Applies an action to one comment. */
    @Transactional
    public Comment apply(long commentId, Action action, AccountPrincipal moderator, String reason) {
        String why = auditReason(reason);
        Comment comment = Comment.<Comment> findByIdOptional(commentId).orElseThrow(NotFoundException::new);
        CommentStatus from = comment.status;
        comment.status = action.to;
        ModerationAction.record(comment, Account.findById(moderator.id()), action.slug, from, action.to, why,
                clock.instant());
        events.fire(new CommentPosted(comment.id, comment.post.id, action.to, from));
        return comment;
    }

    /** Applies an action to several comments in one transaction; unknown ids are skipped. */
    @Transactional
    public int applyAll(List<Long> ids, Action action, AccountPrincipal moderator, String reason) {
        String why = auditReason(reason);
        Account actor = Account.findById(moderator.id());
        List<Comment> found = Comment.list("id in ?1", ids);
        for (Comment comment : found) {
            CommentStatus from = comment.status;
            comment.status = action.to;
            ModerationAction.record(comment, actor, action.slug, from, action.to, why, clock.instant());
            events.fire(new CommentPosted(comment.id, comment.post.id, action.to, from));
        }
        return found.size();
    }

    /** A moderator's reason for the audit trail: none when blank, refused (nothing changes) when too long. */
    private String auditReason(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() > MAX_ACTION_REASON) {
            throw new InvalidInputException(Map.of("reason",
                    staff.moderation().modErrReasonLength(String.format(Locale.ENGLISH, "%,d", MAX_ACTION_REASON))));
        }
        return why.isEmpty() ? null : why;
    }

    /** Whether a comment in this status may be deleted for good: only what readers no longer see. */
    public static boolean deletable(CommentStatus status) {
        return status == CommentStatus.SPAM || status == CommentStatus.TRASH;
    }

    /**
     * Deletes a spam or trashed comment and its earlier bodies for good. A comment with replies stays: its
     * replies hang from it in the thread. The audit trail keeps an entry that names the deleted comment.
     */
    @Transactional
    public void deletePermanently(long commentId, AccountPrincipal moderator) {
        Comment comment = Comment.<Comment> findByIdOptional(commentId).orElseThrow(NotFoundException::new);
        if (!deletable(comment.status)) {
            throw new InvalidInputException(409, Map.of("comment", staff.moderation().modErrNotDeletable()));
        }
        long replies = Comment.count("parent", comment);
        if (replies > 0) {
            throw new InvalidInputException(409, Map.of("comment", staff.moderation().modErrHasReplies(replies)));
        }
        delete(comment, Account.findById(moderator.id()));
    }

    /** What a bulk deletion did: how many were deleted, and how many stayed because of their replies. */
    public record Deleted(int deleted, int kept) {
    }

    /**
     * Deletes the selected spam and trashed comments for good, replies before the comments they answer.
     * Comments in other statuses, and those with replies outside the selection, are kept.
     */
    @Transactional
    public Deleted deleteAll(List<Long> ids, AccountPrincipal moderator) {
        Account actor = Account.findById(moderator.id());
        List<Comment> found = Comment.<Comment> list("id in ?1", ids).stream().filter(c -> deletable(c.status))
                .sorted(Comparator.comparingInt((Comment c) -> c.depth).reversed()).toList();
        Set<Long> deleting = new HashSet<>();
        found.forEach(c -> deleting.add(c.id));
        // replies outside the selection keep their parent, and so, in turn, its own parent
        Set<Long> held = new HashSet<>();
        if (!found.isEmpty()) {
            List<Long> parents = Comment.getEntityManager().createQuery(
                    "select distinct c.parent.id from Comment c where c.parent.id in :ids and c.id not in :ids",
                    Long.class).setParameter("ids", deleting).getResultList();
            held.addAll(parents);
        }
        int deleted = 0;
        // deepest first: a kept reply holds its parent, which comes later in the loop
        for (Comment comment : found) {
            if (held.contains(comment.id)) {
                if (comment.parent != null) {
                    held.add(comment.parent.id);
                }
                continue;
            }
            delete(comment, actor);
            deleted++;
        }
        return new Deleted(deleted, (int) ids.stream().distinct().count() - deleted);
    }

    private void delete(Comment comment, Account actor) {
        // the record of the deletion names the comment in words: no row is left to link to (the database sets
        // the link of the comment's earlier entries to null, and they stay too)
        ModerationAction.record(null, actor, "delete permanently", comment.status, null,
                "comment #" + comment.id + " by " + comment.authorName + " on " + comment.post.slug, clock.instant());
        CommentRevision.delete("comment", comment);
        comment.delete();
        // one at a time, so that replies go before the comments they answer
        comment.getEntityManager().flush();
    }

    /** Staff change a comment's body; the old body is kept as a revision and the change is audited. */
    @Transactional
    public Comment editBody(long commentId, String newBody, AccountPrincipal moderator) {
        Comment comment = Comment.<Comment> findByIdOptional(commentId).orElseThrow(NotFoundException::new);
        String body = CommentBody.clean(newBody);
        if (body.isEmpty()) {
            throw new InvalidInputException(Map.of("body", staff.moderation().modErrEmptyBody()));
        }
        CommentBody.problem(body).ifPresent(tooLong -> {
            throw new InvalidInputException(Map.of("body", tooLong));
        });
        if (body.equals(comment.bodyMarkdown)) {
            return comment;
        }
        Account editor = Account.findById(moderator.id());
        CommentRevision revision = new CommentRevision();
        revision.comment = comment;
        revision.bodyMarkdown = comment.bodyMarkdown;
        revision.replacedAt = clock.instant();
        revision.editor = editor;
        revision.persist();
        comment.bodyMarkdown = body;
        comment.bodyHtml = markdown.renderComment(body, comment.bodyFormat);
        comment.editedAt = revision.replacedAt;
        ModerationAction.record(comment, editor, "edited by staff", comment.status, comment.status, null,
                revision.replacedAt);
        events.fire(new CommentPosted(comment.id, comment.post.id, comment.status, comment.status));
        return comment;
    }

    /**
     * Staff answer an approved comment through the comment pipeline, which approves staff at once and
     * spares them flood control. The answered comment's trail notes the reply.
     */
    @Transactional
    public CommentService.Outcome reply(long commentId, String body, AccountPrincipal moderator, String address,
            String userAgent) {
        Comment comment = Comment.<Comment> findByIdOptional(commentId).orElseThrow(NotFoundException::new);
        if (comment.status != CommentStatus.APPROVED) {
            throw new InvalidInputException(409, Map.of("reply", staff.moderation().modErrReplyNotApproved()));
        }
        CommentService.Outcome outcome;
        try {
            outcome = comments.submit(comment.post.slug,
                    new CommentSubmission(body, comment.id, null, null, null, false, null, null, false),
                    new Writer(Optional.of(moderator), address, userAgent));
        } catch (InvalidInputException e) {
            // the pipeline names its own fields; on this page they all belong to the reply box
            throw new InvalidInputException(e.status(), Map.of("reply", String.join(" ", e.errors().values())));
        }
        ModerationAction.record(comment, Account.findById(moderator.id()), "replied as staff", comment.status,
                comment.status, "reply #" + outcome.id(), clock.instant());
        return outcome;
    }

    /** A ban on a comment's writer as the moderator asked for it, before checking. */
    public record BanRequest(String kind, String network, String reason, String days, String then) {
    }

    /**
     * Bans the writer of a comment (their account, email or network) and moves the comment to spam or the
     * trash; the audit entry says what was banned, for how long and why.
     */
    @Transactional
    public Ban banWriter(long commentId, BanRequest request, AccountPrincipal moderator) {
        Comment comment = Comment.<Comment> findByIdOptional(commentId).orElseThrow(NotFoundException::new);
        Map<String, String> errors = new LinkedHashMap<>();
        Ban.Kind kind = kind(request.kind(), errors);
        String value = null;
        if (comment.account != null && comment.account.role.atLeast(Role.MODERATOR)) {
            errors.put("kind", staff.moderation().modErrStaffBan());
        } else if (kind == Ban.Kind.ACCOUNT) {
            if (comment.account == null) {
                errors.put("kind", staff.moderation().modErrGuestAccount());
            } else {
                value = comment.account.id.toString();
            }
        } else if (kind == Ban.Kind.EMAIL) {
            if (comment.authorEmail == null || comment.authorEmail.isBlank()) {
                errors.put("kind", staff.moderation().modErrNoEmail());
            } else {
                value = comment.authorEmail;
            }
        } else if (kind == Ban.Kind.NETWORK) {
            value = request.network();
        }
        Action then = switch (request.then() == null ? "" : request.then().strip()) {
            case "spam" -> Action.SPAM;
            case "trash" -> Action.TRASH;
            default -> {
                errors.put("then", staff.moderation().modErrThen());
                yield null;
            }
        };
        Ban ban = ban(kind, value, "network", request.reason(), request.days(), moderator, errors);
        if (kind == Ban.Kind.ACCOUNT) {
            accounts.endSessions(comment.account.id);
        }
        CommentStatus from = comment.status;
        comment.status = then.to;
        ModerationAction.record(comment, Account.findById(moderator.id()), "ban", from, then.to, describe(ban),
                clock.instant());
        events.fire(new CommentPosted(comment.id, comment.post.id, then.to, from));
        return ban;
    }

    /**
     * Bans an account from the accounts page: its sessions and tokens stop working at once, it cannot sign in
     * again with any of its providers, and its comments are refused until the ban ends.
     */
    @Transactional
    public Ban banAccount(long accountId, String reason, String days, AccountPrincipal admin) {
        Account account = Account.<Account> findByIdOptional(accountId).orElseThrow(NotFoundException::new);
        Map<String, String> errors = new LinkedHashMap<>();
        if (account.role.atLeast(Role.MODERATOR)) {
            errors.put("ban", staff.moderation().modErrStaffBan());
        }
        Ban ban = ban(Ban.Kind.ACCOUNT, account.id.toString(), "ban", reason, days, admin, errors);
        accounts.endSessions(accountId);
        return ban;
    }

    /** Ends every ban in force on an account now; the bans stay on record. */
    @Transactional
    public void liftAccountBan(long accountId) {
        Account account = Account.<Account> findByIdOptional(accountId).orElseThrow(NotFoundException::new);
        Instant now = clock.instant();
        Ban.listActive(Ban.Kind.ACCOUNT, account.id.toString(), now).forEach(b -> b.expiresAt = now);
        accounts.forget(accountId);
        banChanges.fire(new BanChanged(Ban.Kind.ACCOUNT, account.id.toString(), null, now, true));
    }

    /** Bans an email address or a network directly, from the bans page. */
    @Transactional
    public Ban ban(String kind, String value, String reason, String days, AccountPrincipal moderator) {
        Map<String, String> errors = new LinkedHashMap<>();
        Ban.Kind k = kind(kind, errors);
        if (k == Ban.Kind.ACCOUNT) {
            errors.put("kind", staff.moderation().modErrAccountHere());
        }
        return ban(k, value, "value", reason, days, moderator, errors);
    }

    /**
     * Checks and stores a ban; an active ban on the same thing is renewed instead of doubled. Throws with
     * every field at fault (and those already found in {@code errors}).
     */
    private Ban ban(Ban.Kind kind, String rawValue, String valueField, String reason, String days,
            AccountPrincipal moderator, Map<String, String> errors) {
        String value = rawValue == null ? "" : rawValue.strip();
        if (errors.containsKey("kind")) {
            // nothing to check the value against
        } else if (kind == Ban.Kind.EMAIL) {
            value = value.toLowerCase(Locale.ROOT);
            if (value.isEmpty() || value.length() > AccountService.MAX_EMAIL
                    || !AccountService.EMAIL.matcher(value).matches()) {
                errors.put(valueField, staff.moderation().modErrEmail());
            } else if (Account.isStaffEmail(value)) {
                // the same rule as for staff accounts: a ban on their email would stop them commenting
                errors.put(valueField, staff.moderation().modErrStaffEmail());
            }
        } else if (kind == Ban.Kind.NETWORK) {
            if (!Bans.isNetwork(value)) {
                errors.put(valueField, staff.moderation().modErrNetwork());
            } else if (tooWide(value)) {
                errors.put(valueField, staff.moderation().modErrTooWide());
            }
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() > MAX_BAN_REASON) {
            errors.put("banReason",
                    staff.moderation().modErrReasonLength(String.format(Locale.ENGLISH, "%,d", MAX_BAN_REASON)));
        }
        Integer length = null;
        if (days != null && !days.isBlank()) {
            try {
                length = Integer.parseInt(days.strip());
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (length < 1 || length > MAX_BAN_DAYS) {
                errors.put("days", staff.moderation().modErrDays(MAX_BAN_DAYS));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Instant now = clock.instant();
        String stored = value;
        Ban ban = Ban.listActive(kind, stored, now).stream().findFirst().orElseGet(Ban::new);
        ban.kind = kind;
        ban.value = stored;
        ban.reason = why.isEmpty() ? null : why;
        ban.createdBy = moderator.id();
        ban.createdAt = now;
        ban.expiresAt = length == null ? null : now.plus(Duration.ofDays(length));
        ban.persist();
        banChanges.fire(new BanChanged(ban.kind, ban.value, ban.reason, ban.expiresAt, false));
        return ban;
    }

    /** Ends a ban now; the row stays as a record of it. */
    @Transactional
    public void lift(long banId) {
        Ban ban = Ban.<Ban> findByIdOptional(banId).orElseThrow(NotFoundException::new);
        Instant now = clock.instant();
        if (ban.activeAt(now)) {
            ban.expiresAt = now;
            banChanges.fire(new BanChanged(ban.kind, ban.value, ban.reason, now, true));
        }
    }

    private Ban.Kind kind(String text, Map<String, String> errors) {
        try {
            return Ban.Kind.valueOf(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.put("kind", staff.moderation().modErrKind());
            return null;
        }
    }

    /** True for ranges that would ban whole swathes of the internet. */
    static boolean tooWide(String network) {
        String[] parts = network.split("/");
        if (parts.length < 2) {
            return false;
        }
        int bits = Integer.parseInt(parts[1]);
        return parts[0].contains(":") ? bits < 16 : bits < 8;
    }

    /** "email bob@example.org for 30 days: spammer" */
    static String describe(Ban ban) {
        String what = switch (ban.kind) {
            case ACCOUNT -> "account #" + ban.value;
            case EMAIL -> "email " + ban.value;
            case NETWORK -> "network " + ban.value;
        };
        String length = ban.expiresAt == null ? " without end"
                : " for " + Duration.between(ban.createdAt, ban.expiresAt).toDays() + " days";
        return what + length + (ban.reason == null ? "" : ": " + ban.reason);
    }
}
