package org.quillpress.comment;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
import org.quillpress.account.LoginIdentity;
import org.quillpress.post.Post;
import org.quillpress.security.FormStamp;
import org.quillpress.web.InvalidInputException;
import org.quillpress.web.Markdown;

/**
 * Takes readers' comments through the moderation pipeline: refuse what is invalid, slow down floods,
 * catch spam, hold what needs a person's look, approve the rest. Every decision records its reasons.
 */
@ApplicationScoped
public class CommentService {

    /** WordPress's limits, in bytes of UTF-8. */
    public static final int MAX_NAME = 245;
    public static final int MAX_EMAIL = 100;
    public static final int MAX_WEBSITE = 200;
    public static final int MAX_BODY = 65_525;

    @Inject
    Markdown markdown;

    @Inject
    DiscussionSettings settings;

    @Inject
    FloodGuard flood;

    @Inject
    Bans bans;

    @Inject
    FormStamp stamps;

    @Inject
    Event<CommentPosted> posted;

    /** A stored comment's id and status; spam is reported to the writer as pending. */
    public record Outcome(long id, CommentStatus status, String postSlug) {
        public CommentStatus publicStatus() {
            return status == CommentStatus.APPROVED ? CommentStatus.APPROVED : CommentStatus.PENDING;
        }
    }

    /** Runs the pipeline on a new comment for the post with this slug. Throws with the field at fault. */
    @Transactional
    public Outcome submit(String postSlug, CommentSubmission in, Writer writer) {
        Instant now = Instant.now();
        DiscussionSettings.Rules rules = settings.current();
        Post post = Post.<Post> find("slug", postSlug).firstResultOptional()
                .filter(p -> p.isVisibleAt(now)).orElseThrow(NotFoundException::new);
        Account account = writer.account().map(a -> Account.<Account> findById(a.id())).orElse(null);

        // 1. refusals: nothing is stored
        Map<String, String> errors = new LinkedHashMap<>();
        String name;
        String email;
        String website;
        if (account != null) {
            name = account.displayName;
            email = account.email;
            website = account.website;
        } else {
            name = strip(in.name());
            email = strip(in.email());
            website = strip(in.website());
            if (name.isEmpty()) {
                errors.put("name", "Enter your name.");
            } else if (bytes(name) > MAX_NAME) {
                errors.put("name", "Use at most " + MAX_NAME + " bytes for the name.");
            }
            if (email.isEmpty()) {
                errors.put("email", "Enter your email address; it is never shown.");
            } else if (bytes(email) > MAX_EMAIL) {
                errors.put("email", "Use at most " + MAX_EMAIL + " bytes for the email address.");
            } else if (!AccountService.EMAIL.matcher(email).matches()) {
                errors.put("email", "Enter an email address such as name@example.org.");
            }
            if (!website.isEmpty() && bytes(website) > MAX_WEBSITE) {
                errors.put("website", "Use at most " + MAX_WEBSITE + " bytes for the website.");
            } else if (!website.isEmpty() && !AccountService.isWebAddress(website)) {
                errors.put("website", "Enter a web address starting with https:// or http://.");
            }
        }
        String body = in.body() == null ? "" : in.body().replace("\r\n", "\n").strip();
        if (body.isEmpty()) {
            errors.put("body", "Write a comment first.");
        } else if (bytes(body) > MAX_BODY) {
            errors.put("body", "The comment is " + bytes(body) + " bytes; the limit is " + MAX_BODY + ".");
        }
        Comment parent = null;
        if (in.parentId() != null) {
            parent = Comment.<Comment> findByIdOptional(in.parentId())
                    .filter(c -> c.post.id.equals(post.id) && c.status == CommentStatus.APPROVED).orElse(null);
            if (parent == null) {
                errors.put("parentId", "The comment you reply to is not on this post, or not visible.");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (!commentsOpen(post.commentsOpen, post.publishAt, rules, now)) {
            throw new InvalidInputException(403, Map.of("body", "Comments are closed on this post."));
        }
        Optional<Ban> ban = bans.find(account == null ? null : account.id, email, writer.address());
        if (ban.isPresent()) {
            throw new InvalidInputException(403, Map.of("body", "You may not comment on this site."
                    + (ban.get().reason == null || ban.get().reason.isBlank() ? "" : " Reason: " + ban.get().reason)));
        }
        boolean staff = writer.account().map(AccountPrincipal::isStaff).orElse(false);
        boolean postAuthor = account != null && account.id.equals(post.author.id);

        // 2. flood control and repeats (staff are exempt)
        if (!staff) {
            long wait = flood.take(account != null ? "account:" + account.id
                    : "guest:" + writer.address() + "|" + email.toLowerCase(Locale.ROOT));
            if (wait > 0) {
                throw new InvalidInputException(429, Map.of("body",
                        "You are commenting too quickly. Wait " + wait + " seconds and send it again."))
                        .retryAfter(wait);
            }
            boolean repeat = account != null
                    ? Comment.count("post = ?1 and account = ?2 and bodyMarkdown = ?3", post, account, body) > 0
                    : Comment.count("post = ?1 and account is null and lower(authorEmail) = lower(?2) and bodyMarkdown = ?3",
                            post, email, body) > 0;
            if (repeat) {
                throw new InvalidInputException(409,
                        Map.of("body", "Duplicate comment: you have already said that on this post."));
            }
        }

        String html = markdown.renderComment(body);
        List<String> spam = new ArrayList<>();
        List<String> hold = new ArrayList<>();
        if (!staff && !postAuthor) {
            // 3. spam: stored, never shown
            if (in.fromForm()) {
                if (in.honeypot() != null && !in.honeypot().isBlank()) {
                    spam.add("filled the hidden field people leave empty");
                }
                Optional<Duration> age = stamps.age(in.started());
                if (age.isEmpty()) {
                    spam.add("the form was not one this site showed");
                } else if (age.get().toMillis() < rules.minSecondsToWrite() * 1000L) {
                    spam.add(String.format(Locale.ROOT, "posted %.1f s after the form was shown (minimum %d s)",
                            age.get().toMillis() / 1000.0, rules.minSecondsToWrite()));
                }
            }
            matchTerms(rules.spamTerms(), "disallowed", body, name, email, website, writer.address(), spam);
            // 4. held for a person's look
            if (spam.isEmpty()) {
                boolean known = account != null ? Comment.accountIsKnown(account) : Comment.guestIsKnown(email, name);
                if (rules.requirePriorApproval() && !known) {
                    hold.add(account != null ? "first comment from this account" : "first comment from this email");
                }
                int links = Markdown.countLinks(html);
                if (rules.linkLimit() > 0 && links >= rules.linkLimit()) {
                    hold.add(links + " links (limit " + rules.linkLimit() + ")");
                }
                matchTerms(rules.holdTerms(), "moderation", body, name, email, website, writer.address(), hold);
                if (rules.requireApproval()) {
                    hold.add("every comment must be approved");
                }
            }
        }
        CommentStatus status = !spam.isEmpty() ? CommentStatus.SPAM
                : !hold.isEmpty() ? CommentStatus.PENDING : CommentStatus.APPROVED;

        Comment comment = new Comment();
        comment.post = post;
        // a reply to a comment at the deepest level joins its parent's replies instead
        Comment attachTo = parent;
        while (attachTo != null && attachTo.depth >= Math.min(rules.threadDepth(), DiscussionSettings.Rules.MAX_DEPTH)) {
            attachTo = attachTo.parent;
        }
        comment.parent = attachTo;
        comment.depth = attachTo == null ? 1 : attachTo.depth + 1;
        comment.path = "";
        comment.account = account;
        comment.authorName = name;
        comment.authorEmail = email == null || email.isEmpty() ? null : email;
        comment.authorUrl = website == null || website.isEmpty() ? null : website;
        comment.authorProvider = account == null ? null : provider(account);
        comment.bodyMarkdown = body;
        comment.bodyHtml = html;
        comment.status = status;
        comment.reasons = String.join("\n", !spam.isEmpty() ? spam : hold);
        comment.clientAddress = writer.address();
        comment.userAgent = writer.userAgent() == null ? null
                : writer.userAgent().substring(0, Math.min(255, writer.userAgent().length()));
        comment.notifyReplies = in.notifyReplies();
        comment.createdAt = now;
        comment.persistAndFlush();
        comment.path = (attachTo == null ? "" : attachTo.path + "/") + Comment.segment(comment.id);
        ModerationAction.record(comment, null, "submitted", null, status,
                comment.reasons.isEmpty() ? (staff || postAuthor ? "staff or the post's author" : "known writer")
                        : comment.reasons);
        posted.fire(new CommentPosted(comment.id, post.id, status, null));
        return new Outcome(comment.id, status, post.slug);
    }

    /** Whether new comments are taken: the post's switch, and the automatic closing after N days. */
    public static boolean commentsOpen(boolean postSwitch, Instant publishAt, DiscussionSettings.Rules rules,
            Instant now) {
        if (!postSwitch) {
            return false;
        }
        return rules.closeAfterDays() <= 0 || publishAt == null
                || publishAt.plus(Duration.ofDays(rules.closeAfterDays())).isAfter(now);
    }

    /**
     * Changes the body of the writer's own comment within the edit window; the old body is kept in the
     * comment's history. Guests prove authorship with their signed cookie ({@code guestIds}).
     */
    @Transactional
    public Comment edit(long id, String newBody, Writer writer, List<Long> guestIds) {
        Comment comment = ownComment(id, writer, guestIds);
        String body = newBody == null ? "" : newBody.replace("\r\n", "\n").strip();
        if (body.isEmpty()) {
            throw new InvalidInputException(Map.of("body", "Write a comment first."));
        }
        if (bytes(body) > MAX_BODY) {
            throw new InvalidInputException(Map.of("body", "The comment is too long; the limit is " + MAX_BODY + " bytes."));
        }
        CommentRevision revision = new CommentRevision();
        revision.comment = comment;
        revision.bodyMarkdown = comment.bodyMarkdown;
        revision.replacedAt = Instant.now();
        revision.editor = comment.account;
        revision.persist();
        comment.bodyMarkdown = body;
        comment.bodyHtml = markdown.renderComment(body, comment.bodyFormat);
        comment.editedAt = revision.replacedAt;
        ModerationAction.record(comment, comment.account, "edited by writer", comment.status, comment.status, null);
        posted.fire(new CommentPosted(comment.id, comment.post.id, comment.status, comment.status));
        return comment;
    }

    /** The writer withdraws their own comment within the edit window: it goes to the trash. */
    @Transactional
    public Comment withdraw(long id, Writer writer, List<Long> guestIds) {
        Comment comment = ownComment(id, writer, guestIds);
        CommentStatus from = comment.status;
        comment.status = CommentStatus.TRASH;
        ModerationAction.record(comment, comment.account, "deleted by writer", from, CommentStatus.TRASH, null);
        posted.fire(new CommentPosted(comment.id, comment.post.id, CommentStatus.TRASH, from));
        return comment;
    }

    /** The comment, if this writer wrote it and may still change it; otherwise it does not exist for them. */
    @Transactional
    public Comment ownComment(long id, Writer writer, List<Long> guestIds) {
        Comment comment = Comment.<Comment> findByIdOptional(id).orElseThrow(NotFoundException::new);
        boolean mine = comment.account != null
                ? writer.account().map(a -> a.id() == comment.account.id).orElse(false)
                : guestIds.contains(comment.id) && writer.account().isEmpty();
        if (!mine || comment.status == CommentStatus.TRASH || comment.status == CommentStatus.SPAM) {
            throw new NotFoundException();
        }
        Duration window = Duration.ofMinutes(settings.current().editWindowMinutes());
        if (comment.createdAt.plus(window).isBefore(Instant.now())) {
            throw new InvalidInputException(403, Map.of("body", "Comments can be changed for "
                    + settings.current().editWindowMinutes() + " minutes after posting; that time is over."));
        }
        return comment;
    }

    /** True while the writer may still edit the comment. */
    public boolean withinEditWindow(Instant createdAt) {
        return createdAt.plus(Duration.ofMinutes(settings.current().editWindowMinutes())).isAfter(Instant.now());
    }

    private static void matchTerms(List<String> terms, String list, String body, String name, String email,
            String website, String address, List<String> reasons) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("body", body);
        fields.put("name", name);
        fields.put("email", email);
        fields.put("website", website);
        fields.put("address", address);
        for (String term : terms) {
            for (Map.Entry<String, String> field : fields.entrySet()) {
                if (field.getValue() != null && field.getValue().toLowerCase(Locale.ROOT).contains(term)) {
                    reasons.add("matched " + list + " term '" + term + "' in " + field.getKey());
                    break;
                }
            }
        }
    }

    private static String provider(Account account) {
        return LoginIdentity.<LoginIdentity> find("account = ?1 order by lastUsedAt desc nulls last", account)
                .firstResultOptional().map(i -> i.provider).orElse(LoginIdentity.LOCAL);
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
