package org.quillpress.comment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.quillpress.account.Ban;
import org.quillpress.account.Bans;
import org.quillpress.account.Role;
import org.quillpress.post.Post;
import org.quillpress.security.FormStamp;
import org.quillpress.web.CheckMessages;
import org.quillpress.web.ControlCharacters;
import org.quillpress.web.InvalidInputException;
import org.quillpress.web.Markdown;
import org.quillpress.web.SiteLanguage;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Takes readers' comments through the moderation pipeline: refuse what is invalid, slow down floods,
 * catch spam, hold what needs a person's look, approve the rest. Every decision records its reasons.
 */
@ApplicationScoped
public class CommentService {

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
    Clock clock;

    @Inject
    Event<CommentPosted> posted;

    /** A stored comment's id and status; spam is reported to the writer as pending. */
    public record Outcome(long id, CommentStatus status, String postSlug) {
        public CommentStatus publicStatus() {
            return status == CommentStatus.APPROVED ? CommentStatus.APPROVED : CommentStatus.PENDING;
        }
    }

    /**
     * Runs the pipeline on a new comment for the post with this slug. Throws with the field at fault.
     * <p>
     * In three steps, so that a writer holds at most one database connection at a time: a transaction that only
     * reads decides (refusals, the repeat check, the verdict); then the rate limits are taken outside any
     * transaction, as on PostgreSQL they count in the database on a connection of their own; then a second
     * transaction stores the comment. Nothing is stored and no allowance is taken for a refused comment.
     */
    public Outcome submit(String postSlug, CommentSubmission in, Writer writer) {
        ControlCharacters.refuse("body", in.body(), "name", in.name(), "email", in.email(), "website", in.website());
        Instant now = clock.instant();
        DiscussionSettings.Rules rules = settings.current();
        Decided decided = QuarkusTransaction.joiningExisting().call(() -> decide(postSlug, in, writer, rules, now));
        if (!decided.staff()) {
            takeAllowance(decided, writer.address());
        }
        return QuarkusTransaction.joiningExisting().call(() -> store(decided, in, writer, rules, now));
    }

    /** What the reading step found: the comment as it will be stored, and its verdict. */
    private record Decided(long postId, Long accountId, String provider, Long parentId, GuestDetails details, String body,
            String html,
            boolean staff, boolean trusted, ModerationPolicy.Verdict verdict) {
    }

    private Decided decide(String postSlug, CommentSubmission in, Writer writer, DiscussionSettings.Rules rules,
            Instant now) {
        Post post = Post.findBySlug(postSlug)
                .filter(p -> p.isVisibleAt(now)).orElseThrow(NotFoundException::new);
        Optional<Account.WithProvider> signedIn = writer.account().flatMap(a -> Account.findWithLatestProvider(a.id()));
        Account account = signedIn.map(Account.WithProvider::account).orElse(null);
        GuestDetails details = account != null
                ? new GuestDetails(account.displayName, account.email, account.website)
                : GuestDetails.typed(in.name(), in.email(), in.website());
        String body = CommentBody.clean(in.body());

        // refusals: nothing is stored. A banned reader whose open page still sent their ended session hears of the
        // ban first, not that their name is missing
        if (account == null) {
            refuseBannedAccount(writer.signedOutAccountId(), "");
        }
        Comment parent = refuseInvalid(post, account == null ? guestProblems(details) : Map.of(), body, in.parentId());
        refuseClosedOrBanned(post, rules, now, account, details.email(), writer.address());
        if (account == null) {
            refuseBannedAccount(null, details.email());
        }
        boolean staff = writer.account().map(AccountPrincipal::isStaff).orElse(false);
        if (!staff && Comment.isRepeat(post, account, details.email(), body)) {
            throw new InvalidInputException(409,
                    Map.of("body", SiteLanguage.messages(CheckMessages.class).commentDuplicate()));
        }

        String html = markdown.renderComment(body);
        ModerationPolicy.History history = new ModerationPolicy.History(account != null, staff,
                account != null && account.id.equals(post.author.id),
                () -> account != null ? Comment.accountIsKnown(account)
                        : Comment.guestIsKnown(details.email(), details.name()));
        ModerationPolicy.Verdict verdict = ModerationPolicy.decide(draft(in, details, body, html, writer.address()),
                history, rules);
        return new Decided(post.id, account == null ? null : account.id,
                signedIn.map(Account.WithProvider::provider).orElse(null), parent == null ? null : parent.id, details,
                body, html, staff, history.trusted(), verdict);
    }

    /**
     * Flood control, staff exempt; and a guest's held comment takes a place in the site's queue. Each limit counts
     * in a short transaction of its own, whatever becomes of the comment.
     */
    private void takeAllowance(Decided decided, String address) {
        String email = decided.details().email();
        long wait = flood.take(decided.accountId() != null ? "account:" + decided.accountId()
                : "guest:" + address + "|" + email.toLowerCase(Locale.ROOT));
        if (wait == 0 && decided.accountId() == null) {
            // a fresh email per comment must not buy a fresh allowance
            wait = flood.takeForNetwork(address);
        }
        if (wait > 0) {
            throw tooQuick(wait);
        }
        if (decided.accountId() == null && decided.verdict().status() == CommentStatus.PENDING) {
            wait = flood.takeHeld();
            if (wait > 0) {
                // the queue is filling faster than people can read it: guests wait, nothing is stored
                throw new InvalidInputException(429,
                        Map.of("body", SiteLanguage.messages(CheckMessages.class).commentQueueFull(wait))).retryAfter(wait);
            }
        }
    }

    private Outcome store(Decided decided, CommentSubmission in, Writer writer, DiscussionSettings.Rules rules,
            Instant now) {
        // with its author, whom the mails below tell; gone since the reading step: as if it had never been there
        Post post = Post.findByIdWithAuthor(decided.postId()).orElseThrow(NotFoundException::new);
        Account account = decided.accountId() == null ? null
                : Account.getEntityManager().getReference(Account.class, decided.accountId());
        Comment parent = decided.parentId() == null ? null : Comment.findById(decided.parentId());
        ModerationPolicy.Verdict verdict = decided.verdict();
        GuestDetails details = decided.details();

        Comment comment = new Comment();
        comment.post = post;
        comment.parent = Threading.attachTo(parent, Threading.deepest(rules), c -> c.depth, c -> c.parent);
        comment.depth = comment.parent == null ? 1 : comment.parent.depth + 1;
        comment.path = "";
        comment.account = account;
        comment.authorName = details.name();
        comment.authorEmail = blankToNull(details.email());
        comment.authorUrl = blankToNull(details.website());
        comment.authorProvider = decided.provider();
        comment.bodyMarkdown = decided.body();
        comment.bodyHtml = decided.html();
        comment.status = verdict.status();
        comment.reasons = String.join("\n", verdict.reasons());
        comment.clientAddress = writer.address();
        comment.userAgent = writer.userAgent() == null ? null
                : writer.userAgent().substring(0, Math.min(255, writer.userAgent().length()));
        comment.notifyReplies = in.notifyReplies();
        comment.createdAt = now;
        comment.persistAndFlush();
        comment.path = (comment.parent == null ? "" : comment.parent.path + "/") + Comment.segment(comment.id);
        ModerationAction.record(comment, null, "submitted", null, verdict.status(),
                comment.reasons.isEmpty() ? (decided.trusted() ? "staff or the post's author" : "known writer")
                        : comment.reasons,
                now);
        posted.fire(new CommentPosted(comment.id, post.id, verdict.status(), null));
        return new Outcome(comment.id, verdict.status(), post.slug);
    }

    private ModerationPolicy.Draft draft(CommentSubmission in, GuestDetails details, String body, String html,
            String address) {
        return new ModerationPolicy.Draft(body, Markdown.countLinks(html), details.name(), details.email(),
                details.website(), address, in.honeypot(), in.fromForm() ? stamps.age(in.started()) : Optional.empty(),
                in.fromForm());
    }

    /**
     * A guest's details, checked: besides the form rules, the name may not be a staff member's or an author's (case
     * and spaces aside), or a guest's comment would look like theirs once approved.
     */
    private static Map<String, String> guestProblems(GuestDetails details) {
        Map<String, String> problems = new LinkedHashMap<>(details.problems());
        if (!problems.containsKey("name") && isStaffName(details.name())) {
            problems.put("name", SiteLanguage.messages(CheckMessages.class).guestStaffName());
        }
        return problems;
    }

    static boolean isStaffName(String name) {
        String wanted = comparableName(name);
        return Account.getEntityManager()
                .createQuery("select a.displayName from Account a where a.role in :roles", String.class)
                .setParameter("roles", java.util.Arrays.stream(Role.values()).filter(r -> r.atLeast(Role.AUTHOR)).toList())
                .getResultStream().anyMatch(staff -> comparableName(staff).equals(wanted));
    }

    /** A name as people read it: case, spacing and look-alike forms (full-width letters, ligatures) aside. */
    static String comparableName(String name) {
        return java.text.Normalizer.normalize(name == null ? "" : name, java.text.Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{Z}\\p{Cf}]+", "");
    }

    /** Refuses a comment with bad fields or a parent that is not an approved comment on the post; else the parent. */
    private static Comment refuseInvalid(Post post, Map<String, String> guestProblems, String body, Long parentId) {
        Map<String, String> errors = new LinkedHashMap<>(guestProblems);
        CommentBody.problem(body).ifPresent(message -> errors.put("body", message));
        Comment parent = null;
        if (parentId != null) {
            parent = Comment.<Comment> findByIdOptional(parentId)
                    .filter(c -> c.post.id.equals(post.id) && c.status == CommentStatus.APPROVED).orElse(null);
            if (parent == null) {
                errors.put("parentId", SiteLanguage.messages(CheckMessages.class).commentParentGone());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return parent;
    }

    private void refuseClosedOrBanned(Post post, DiscussionSettings.Rules rules, Instant now, Account account,
            String email, String address) {
        if (!commentsOpen(post.commentsOpen, post.publishAt, rules, now)) {
            throw new InvalidInputException(403, Map.of("body", SiteLanguage.messages(CheckMessages.class).commentsClosed()));
        }
        Optional<Ban> ban = bans.find(account == null ? null : account.id, email, address);
        if (ban.isPresent()) {
            throw new InvalidInputException(403, Map.of("body", SiteLanguage.messages(CheckMessages.class)
                    .commentBanned(ban.get().reason == null ? "" : ban.get().reason.strip())));
        }
    }

    /**
     * A banned reader is told so, not asked for a name: whether their page still sent the account's ended session,
     * or they type the email of a banned account as a guest.
     */
    private void refuseBannedAccount(Long signedOutAccountId, String email) {
        Optional<Ban> ban = Optional.ofNullable(signedOutAccountId).flatMap(bans::activeAccountBan);
        if (ban.isEmpty() && !email.isEmpty()) {
            ban = Account.<Account> list("lower(email) = ?1", email.toLowerCase(Locale.ROOT)).stream()
                    .map(a -> bans.activeAccountBan(a.id)).flatMap(Optional::stream).findFirst();
        }
        ban.ifPresent(b -> {
            throw new InvalidInputException(403,
                    Map.of("body",
                            SiteLanguage.messages(CheckMessages.class).commentAccountBanned(
                                    b.expiresAt == null ? "" : b.endDay(),
                                    b.reason == null ? "" : b.reason.strip())));
        });
    }

    private static InvalidInputException tooQuick(long wait) {
        return new InvalidInputException(429, Map.of("body",
                SiteLanguage.messages(CheckMessages.class).commentTooQuick(wait))).retryAfter(wait);
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
        ControlCharacters.refuse("body", newBody);
        Comment comment = ownComment(id, writer, guestIds);
        String body = CommentBody.cleanOrRefuse(newBody);
        CommentRevision revision = new CommentRevision();
        revision.comment = comment;
        revision.bodyMarkdown = comment.bodyMarkdown;
        revision.replacedAt = clock.instant();
        revision.editor = comment.account;
        revision.persist();
        comment.bodyMarkdown = body;
        comment.bodyHtml = markdown.renderComment(body, comment.bodyFormat);
        comment.editedAt = revision.replacedAt;
        ModerationAction.record(comment, comment.account, "edited by writer", comment.status, comment.status, null,
                revision.replacedAt);
        posted.fire(new CommentPosted(comment.id, comment.post.id, comment.status, comment.status));
        return comment;
    }

    /** The writer withdraws their own comment within the edit window: it goes to the trash. */
    @Transactional
    public Comment withdraw(long id, Writer writer, List<Long> guestIds) {
        Comment comment = ownComment(id, writer, guestIds);
        CommentStatus from = comment.status;
        comment.status = CommentStatus.TRASH;
        ModerationAction.record(comment, comment.account, "deleted by writer", from, CommentStatus.TRASH, null,
                clock.instant());
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
        if (comment.createdAt.plus(window).isBefore(clock.instant())) {
            throw new InvalidInputException(403, Map.of("body",
                    SiteLanguage.messages(CheckMessages.class).commentEditWindowOver(settings.current().editWindowMinutes())));
        }
        return comment;
    }

    /** True while the writer may still edit the comment. */
    public boolean withinEditWindow(Instant createdAt) {
        return createdAt.plus(Duration.ofMinutes(settings.current().editWindowMinutes())).isAfter(clock.instant());
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
