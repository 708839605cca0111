package org.quillpress.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.quillpress.account.Account;
import org.quillpress.account.Role;
import org.quillpress.comment.Comment;
import org.quillpress.comment.CommentPosted;
import org.quillpress.comment.CommentStatus;
import org.quillpress.comment.StoredReasons;
import org.quillpress.post.Post;
import org.quillpress.site.SiteSettings;
import org.quillpress.web.SiteLanguage;

/**
 * Decides who hears about a comment, and writes their mail to the outbox.
 * <p>
 * It observes {@link CommentPosted} synchronously, inside the transaction that stored or moderated the
 * comment, not after it succeeded: the outbox rows then commit together with the comment, or vanish
 * together with it. (An after-success observer would run after the commit, and a crash in between would
 * lose the mail.) For the same reason nothing here may fail for a reason that should not undo the
 * comment.
 */
@ApplicationScoped
public class CommentMails {

    @Inject
    Outbox outbox;

    @Inject
    Subscriptions subscriptions;

    @Inject
    MailLinks links;

    @Inject
    SiteSettings site;

    @Inject
    Clock clock;

    @Inject
    ReplyOptOut optOuts;

    /** How many held comments a moderator hears of one by one in {@link #DIGEST_WINDOW}. */
    static final int FEW_HELD = 3;
    static final Duration DIGEST_WINDOW = Duration.ofMinutes(15);
    /** How long a reply mail waits for more replies to the same reader before it goes. */
    static final Duration REPLY_BATCH = Duration.ofMinutes(5);

    void onCommentPosted(@Observes CommentPosted event) {
        if (event.status() == event.previousStatus()) {
            // an edit: nobody is told twice about the same comment
            return;
        }
        Comment comment = Comment.findById(event.commentId());
        if (comment == null) {
            return;
        }
        CommentStatus from = event.previousStatus();
        CommentStatus to = event.status();
        if (to == CommentStatus.PENDING && from == null) {
            tellModerators(comment);
        }
        // a new comment's approval is its first; a moderated one's may have been approved before and taken back
        boolean newlyApproved = to == CommentStatus.APPROVED && (from == null || firstApproval(comment));
        if (newlyApproved) {
            String authorEmail = tellPostAuthor(comment);
            if (from != null && comment.notifyReplies) {
                tellWriter(comment);
            }
            String repliedTo = tellRepliedTo(comment, authorEmail);
            tellSubscribers(comment, authorEmail, repliedTo);
        }
        // spam asks for nothing: a bot must not be able to send confirmation mail to strangers
        if (comment.notifyReplies && ((from == null && to != CommentStatus.SPAM && to != CommentStatus.TRASH)
                || (newlyApproved && from == CommentStatus.SPAM))) {
            subscriptions.subscribeWriter(comment);
        }
    }

    /**
     * Every moderator and admin with an address: a held comment waits for one of them. Each hears of the first
     * {@link #FEW_HELD} held comments in {@link #DIGEST_WINDOW} one by one; beyond that, of all the others in one
     * digest sent at the end of the window, so a flood of held comments is one mail, not one per comment.
     */
    private void tellModerators(Comment comment) {
        List<Account> staff = Account.list("role in ?1 and email is not null and email <> '' order by id",
                List.of(Role.MODERATOR, Role.ADMIN));
        if (staff.isEmpty()) {
            return;
        }
        Post post = comment.post;
        List<String> reasons = StoredReasons.lines(comment.reasons);
        MailTemplates.Rendered mail = MailTemplates.render(MailTemplates.heldForModeration(siteTitle(), post.title,
                view(comment), reasons, links.queueEntry(comment.id)));
        MailMessages m = SiteLanguage.messages(MailMessages.class);
        String subject = m.mailHeldSubject(post.title);
        Set<String> told = new HashSet<>();
        Instant now = clock.instant();
        for (Account account : staff) {
            if (!told.add(key(account.email))) {
                continue;
            }
            if (OutboxMail.count("lower(recipient) = ?1 and subject like ?2 and createdAt >= ?3", key(account.email),
                    m.mailHeldSubject("") + "%", now.minus(DIGEST_WINDOW)) < FEW_HELD) {
                outbox.enqueue(account.email, subject, mail.text(), mail.html(), null);
            } else {
                addToDigest(account.email, comment, now);
            }
        }
    }

    /** The moderator's digest still to be sent, counting this comment too; started when there is none. */
    private void addToDigest(String email, Comment comment, Instant now) {
        MailMessages m = SiteLanguage.messages(MailMessages.class);
        OutboxMail digest = OutboxMail.<OutboxMail> find("lower(recipient) = ?1 and subject = ?2 and sentAt is null",
                key(email), m.mailDigestSubject()).firstResult();
        if (digest == null) {
            digest = outbox.enqueue(email, m.mailDigestSubject(), "", null, null);
            // it starts with this comment, and goes once the window is over with everything held until then
            digest.createdAt = comment.createdAt;
            digest.nextAttemptAt = now.plus(DIGEST_WINDOW);
        }
        long held = Comment.count("status = ?1 and createdAt >= ?2", CommentStatus.PENDING, digest.createdAt);
        digest.bodyText = m.mailDigest(siteTitle(), held,
                DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC)
                        .format(digest.createdAt),
                Outbox.oneLine(comment.post.title)) + "\n\n"
                + m.mailDigestQueue() + " " + links.queue() + "\n\n"
                + m.mailDigestWhy() + "\n";
    }

    /** The post's author, unless they wrote the comment; returns the address told, or null. */
    private String tellPostAuthor(Comment comment) {
        Post post = comment.post;
        Account author = post.author;
        if (author == null || author.email == null || author.email.isBlank()
                || (comment.account != null && comment.account.id.equals(author.id))) {
            return null;
        }
        MailTemplates.Rendered mail = MailTemplates
                .render(MailTemplates.newComment(siteTitle(), post.title, view(comment)));
        outbox.enqueue(author.email, SiteLanguage.messages(MailMessages.class).mailNewCommentSubject(post.title), mail.text(),
                mail.html(), null);
        return author.email;
    }

    /** A held comment's writer, who asked to hear what becomes of it. */
    private void tellWriter(Comment comment) {
        String email = writerEmail(comment);
        if (email == null) {
            return;
        }
        MailTemplates.Rendered mail = MailTemplates
                .render(MailTemplates.commentApproved(siteTitle(), comment.post.title, view(comment)));
        outbox.enqueue(email, SiteLanguage.messages(MailMessages.class).mailApprovedSubject(), mail.text(), mail.html(), null);
    }

    /**
     * Confirmed subscribers of the post, each with their own unsubscribe link; never the comment's own
     * writer, and not the post's author, who was told already.
     */
    private void tellSubscribers(Comment comment, String alreadyTold, String repliedTo) {
        Set<String> skip = new HashSet<>();
        if (repliedTo != null) {
            skip.add(key(repliedTo));
        }
        String writer = writerEmail(comment);
        if (writer != null) {
            skip.add(key(writer));
        }
        if (alreadyTold != null) {
            skip.add(key(alreadyTold));
        }
        Post post = comment.post;
        MailTemplates.MailComment view = view(comment);
        String subject = SiteLanguage.messages(MailMessages.class).mailNewReplySubject(post.title);
        for (Subscription subscription : Subscription.listConfirmedForPost(post)) {
            boolean own = comment.account != null && subscription.account != null
                    && subscription.account.id.equals(comment.account.id);
            if (own || !skip.add(key(subscription.email))) {
                continue;
            }
            String unsubscribe = links.unsubscribe(subscription.token);
            MailTemplates.Rendered mail = MailTemplates
                    .render(MailTemplates.newReply(siteTitle(), post.title, view, unsubscribe));
            outbox.enqueue(subscription.email, subject, mail.text(), mail.html(), unsubscribe);
        }
    }

    /**
     * The signed-in writer of the comment this one answers, if their account asks for reply mail ("Email me
     * about replies to my comments", on by default) and they did not answer themselves. Replies that arrive
     * within {@link #REPLY_BATCH} of each other go out as one mail: the first waits that long, and later ones
     * join it while it waits. Returns the address told, or null.
     */
    private String tellRepliedTo(Comment comment, String alreadyTold) {
        Comment parent = comment.parent;
        Account reader = parent == null ? null : parent.account;
        if (reader == null || !reader.notifyReplies || reader.email == null || reader.email.isBlank()
                || (comment.account != null && comment.account.id.equals(reader.id))
                || (alreadyTold != null && key(alreadyTold).equals(key(reader.email)))) {
            return null;
        }
        Instant now = clock.instant();
        String optOut = links.replyOptOut(optOuts.token(reader.id));
        OutboxMail waiting = OutboxMail.getEntityManager().createQuery("from OutboxMail m where m.recipient = ?1 "
                + "and m.listUnsubscribe = ?2 and m.sentAt is null and m.attempts = 0 and m.nextAttemptAt > ?3 "
                + "order by m.id", OutboxMail.class)
                .setParameter(1, reader.email.strip()).setParameter(2, optOut).setParameter(3, now)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).setMaxResults(1).getResultStream().findFirst()
                .orElse(null);
        if (waiting == null) {
            waiting = outbox.enqueue(reader.email, "", "", null, optOut);
            waiting.createdAt = comment.createdAt;
            waiting.nextAttemptAt = now.plus(REPLY_BATCH);
        } else if (comment.createdAt.isBefore(waiting.createdAt)) {
            waiting.createdAt = comment.createdAt;
        }
        List<Comment> replies = Comment.list("parent.account = ?1 and status = ?2 and createdAt >= ?3 "
                + "and (account is null or account <> ?1) order by createdAt, id", reader, CommentStatus.APPROVED,
                waiting.createdAt);
        if (replies.isEmpty()) {
            replies = List.of(comment);
        }
        List<MailTemplates.Reply> shown = replies.stream()
                .map(reply -> new MailTemplates.Reply(reply.post.title, view(reply))).toList();
        MailTemplates.Rendered mail = MailTemplates.render(MailTemplates.repliesToYou(siteTitle(), shown, optOut));
        waiting.subject = Outbox.oneLine(replies.size() == 1
                ? SiteLanguage.messages(MailMessages.class).mailReplyToYouSubject(replies.get(0).authorName,
                        replies.get(0).post.title)
                : SiteLanguage.messages(MailMessages.class).mailRepliesSubject(replies.size(), siteTitle()));
        waiting.bodyText = mail.text();
        waiting.bodyHtml = mail.html();
        return reader.email;
    }

    /**
     * True unless the comment had been approved before (approved, taken back, approved again): the audit
     * trail holds every change, and this approval is already in it.
     */
    private static boolean firstApproval(Comment comment) {
        long approvals = Comment.getEntityManager().createQuery(
                "select count(a) from ModerationAction a where a.comment = ?1 and a.toStatus = ?2 "
                        + "and (a.fromStatus is null or a.fromStatus <> ?2)",
                Long.class).setParameter(1, comment).setParameter(2, CommentStatus.APPROVED).getSingleResult();
        return approvals <= 1;
    }

    private static String writerEmail(Comment comment) {
        String email = comment.authorEmail != null ? comment.authorEmail
                : comment.account == null ? null : comment.account.email;
        return email == null || email.isBlank() ? null : email;
    }

    private MailTemplates.MailComment view(Comment comment) {
        return new MailTemplates.MailComment(comment.authorName, comment.bodyMarkdown, comment.bodyHtml,
                links.comment(comment.post.path(), comment.id));
    }

    private String siteTitle() {
        return site.current().title();
    }

    private static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
