package org.quillpress.moderation;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import org.quillpress.account.Account;
import org.quillpress.account.AccountPrincipal;
import org.quillpress.comment.Comment;
import org.quillpress.comment.CommentPosted;
import org.quillpress.comment.CommentStatus;
import org.quillpress.web.InvalidInputException;

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
                    "Choose approve, unapprove, spam, not-spam, trash or restore."));
        }
    }

    @Inject
    Event<CommentPosted> events;

    /** Applies an action to one comment. */
    @Transactional
    public Comment apply(long commentId, Action action, AccountPrincipal moderator, String reason) {
        Comment comment = Comment.<Comment> findByIdOptional(commentId).orElseThrow(NotFoundException::new);
        CommentStatus from = comment.status;
        comment.status = action.to;
        ModerationAction.record(comment, Account.findById(moderator.id()), action.slug, from, action.to,
                reason == null || reason.isBlank() ? null : reason.strip());
        events.fire(new CommentPosted(comment.id, comment.post.id, action.to, from));
        return comment;
    }

    /** Applies an action to several comments in one transaction; unknown ids are skipped. */
    @Transactional
    public int applyAll(List<Long> ids, Action action, AccountPrincipal moderator, String reason) {
        Account actor = Account.findById(moderator.id());
        List<Comment> found = Comment.list("id in ?1", ids);
        for (Comment comment : found) {
            CommentStatus from = comment.status;
            comment.status = action.to;
            ModerationAction.record(comment, actor, action.slug, from, action.to,
                    reason == null || reason.isBlank() ? null : reason.strip());
            events.fire(new CommentPosted(comment.id, comment.post.id, action.to, from));
        }
        return found.size();
    }
}
