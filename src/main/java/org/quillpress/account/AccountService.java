package org.quillpress.account;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.quillpress.security.Passwords;
import org.quillpress.web.AccountMessages;
import org.quillpress.web.ContentChanged;
import org.quillpress.web.ControlCharacters;
import org.quillpress.web.InvalidInputException;
import org.quillpress.web.SiteLanguage;
import org.quillpress.web.Slugs;

/** Creates accounts, checks local passwords, changes roles and profiles. */
@ApplicationScoped
public class AccountService {

    /** A deliberately plain check: something@something.something, no spaces. */
    public static final int MAX_DISPLAY_NAME = 120;
    public static final int MAX_EMAIL = 254;
    public static final int MAX_BIO = 2000;
    public static final int MAX_WEBSITE = 200;
    public static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    @Inject
    Event<ContentChanged> changed;

    @Inject
    Event<AccountDeleting> deleting;

    @Inject
    Passwords passwords;

    @Inject
    AccountDirectory directory;

    @Inject
    Bans bans;

    @Inject
    Clock clock;

    /** A sign-in that must not go ahead, with the reason in words for the person. */
    public static class SignInRefused extends RuntimeException {
        public SignInRefused(String message) {
            super(message, null, false, false);
        }
    }

    /** Creates an account that signs in locally with email and password. */
    @Transactional
    public Account createLocal(String displayName, String email, String password, Role role) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (displayName == null || displayName.isBlank()) {
            errors.put("displayName", SiteLanguage.messages(AccountMessages.class).errNameOnPosts());
        } else if (displayName.strip().length() > MAX_DISPLAY_NAME) {
            errors.put("displayName", SiteLanguage.messages().atMostCharacters(SiteLanguage.number(MAX_DISPLAY_NAME)));
        }
        if (email == null || email.length() > MAX_EMAIL || !EMAIL.matcher(email.strip()).matches()) {
            errors.put("email", SiteLanguage.messages().emailInvalid());
        } else if (LoginIdentity.findLocal(email).isPresent()) {
            errors.put("email", SiteLanguage.messages(AccountMessages.class).errEmailTaken());
        }
        String passwordProblem = Passwords.problemWith(password);
        if (passwordProblem != null) {
            errors.put("password", passwordProblem);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Account account = new Account();
        account.displayName = displayName.strip();
        account.email = email.strip();
        account.handle = uniqueHandle(displayName);
        account.role = role;
        account.createdAt = clock.instant();
        account.persist();

        LoginIdentity identity = new LoginIdentity();
        identity.account = account;
        identity.provider = LoginIdentity.LOCAL;
        identity.subject = LoginIdentity.normalizeEmail(email);
        identity.passwordHash = Passwords.hash(password);
        identity.createdAt = account.createdAt;
        identity.persist();
        return account;
    }

    /** The account whose local email and password these are. */
    @Transactional
    public Optional<AccountPrincipal> checkPassword(String email, String password) {
        Optional<LoginIdentity> identity = email == null ? Optional.empty() : LoginIdentity.findLocal(email);
        boolean ok = passwords.matches(password, identity.map(i -> i.passwordHash).orElse(null));
        if (!ok) {
            return Optional.empty();
        }
        refuseIfBanned(identity.get().account);
        identity.get().lastUsedAt = clock.instant();
        return Optional.of(AccountPrincipal.of(identity.get().account));
    }

    /**
     * Signs in with a provider's identity: the account it is linked to, or a new reader account made from the
     * provider's profile on the first sign-in. Accounts are found by (provider, subject), never by email.
     */
    @Transactional
    public AccountPrincipal signInWith(SocialProfile profile) {
        Instant now = clock.instant();
        LoginIdentity identity = LoginIdentity.find(profile.provider().id, profile.subject()).orElse(null);
        Account account;
        if (identity == null) {
            account = new Account();
            account.displayName = profile.displayName();
            account.email = profile.email();
            account.handle = uniqueHandle(profile.displayName());
            account.role = Role.READER;
            account.createdAt = now;
            account.persist();
            identity = newIdentity(account, profile, now);
        } else {
            account = identity.account;
            refuseIfBanned(account);
            identity.refresh(profile);
            if (account.email == null && profile.email() != null) {
                // verified at the provider since the last sign-in: mail and bans can reach the account now
                account.email = profile.email();
                directory.forget(account.id);
            }
        }
        identity.lastUsedAt = now;
        return AccountPrincipal.of(account);
    }

    /** Links one more provider to a signed-in account, so that either signs in to it. */
    @Transactional
    public void link(long accountId, SocialProfile profile) {
        Account account = Account.findById(accountId);
        Optional<LoginIdentity> existing = LoginIdentity.find(profile.provider().id, profile.subject());
        if (existing.isPresent()) {
            if (!existing.get().account.id.equals(accountId)) {
                throw new InvalidInputException(Map.of("identity",
                        SiteLanguage.messages(AccountMessages.class).errIdentityTaken(profile.provider().label)));
            }
            existing.get().refresh(profile);
            return;
        }
        newIdentity(account, profile, clock.instant());
        if (account.email == null && profile.email() != null) {
            account.email = profile.email();
        }
    }

    /** Removes a way to sign in; the last one stays, or the account could never be entered again. */
    @Transactional
    public void unlink(long accountId, long identityId) {
        LoginIdentity identity = LoginIdentity.<LoginIdentity> findByIdOptional(identityId)
                .filter(i -> i.account.id == accountId).orElseThrow(jakarta.ws.rs.NotFoundException::new);
        if (LoginIdentity.count("account.id", accountId) <= 1) {
            throw new InvalidInputException(Map.of("identity",
                    SiteLanguage.messages(AccountMessages.class).errOnlyWay()));
        }
        identity.delete();
    }

    private static LoginIdentity newIdentity(Account account, SocialProfile profile, Instant now) {
        LoginIdentity identity = new LoginIdentity();
        identity.account = account;
        identity.provider = profile.provider().id;
        identity.subject = profile.subject();
        identity.createdAt = now;
        identity.refresh(profile);
        identity.persist();
        return identity;
    }

    /** Refuses a banned account, saying until when and why. */
    void refuseIfBanned(Account account) {
        bans.activeAccountBan(account.id).ifPresent(ban -> {
            AccountMessages m = SiteLanguage.messages(AccountMessages.class);
            String until = ban.endDay() == null ? null : ban.endDay().toString();
            throw new SignInRefused(until == null
                    ? (ban.reason == null ? m.errBanned() : m.errBannedReason(ban.reason))
                    : (ban.reason == null ? m.errBannedUntil(until) : m.errBannedUntilReason(until, ban.reason)));
        });
    }

    @Transactional
    public void setRole(long accountId, Role role) {
        Account account = Account.findById(accountId);
        if (account == null) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        account.role = role;
        directory.forget(accountId);
    }

    /** Ends every session of the account, on every instance (after the principal cache expires). */
    @Transactional
    public void endSessions(long accountId) {
        Account account = Account.findById(accountId);
        account.sessionEpoch++;
        directory.forget(accountId);
    }

    @Transactional
    public void setNotifyReplies(long accountId, boolean notify) {
        Account.<Account> findById(accountId).notifyReplies = notify;
    }

    /** What "download my data" gives: the profile, the ways to sign in, and every comment written. */
    public record MyData(String handle, String displayName, String email, String bio, String website, String role,
            Instant createdAt, List<MyIdentity> identities, List<MyComment> comments) {
    }

    public record MyIdentity(String provider, String subject, String displayName, String email, Instant linkedAt,
            Instant lastUsedAt) {
    }

    public record MyComment(long id, String post, String postTitle, Long inReplyTo, String status, Instant createdAt,
            Instant editedAt, String markdown) {
    }

    @Transactional
    public MyData export(long accountId) {
        Account account = Account.findById(accountId);
        List<MyIdentity> identities = LoginIdentity.listFor(accountId).stream()
                .map(i -> new MyIdentity(i.provider, i.subject, i.displayName, i.email, i.createdAt, i.lastUsedAt))
                .toList();
        List<Object[]> rows = Account.getEntityManager().createQuery("select c.id, p.slug, p.title, c.parent.id, "
                + "c.status, c.createdAt, c.editedAt, c.bodyMarkdown from Comment c join c.post p "
                + "where c.account.id = :id order by c.createdAt, c.id", Object[].class).setParameter("id", accountId)
                .getResultList();
        List<MyComment> comments = rows.stream().map(r -> new MyComment((Long) r[0], (String) r[1], (String) r[2],
                (Long) r[3], r[4].toString().toLowerCase(Locale.ROOT), (Instant) r[5], (Instant) r[6], (String) r[7]))
                .toList();
        return new MyData(account.handle, account.displayName, account.email, account.bio, account.website,
                account.role.name().toLowerCase(Locale.ROOT), account.createdAt, identities, comments);
    }

    /**
     * Deletes an account and every way to sign in to it. Its comments stay in their threads under "deleted user"
     * with nothing that points back to the person, or, when asked, lose their text as well (replies by others
     * keep their place). Someone who wrote posts, or the last admin, cannot delete themselves here.
     */
    @Transactional
    public void delete(long accountId, boolean removeComments) {
        Account account = Account.findById(accountId);
        var em = Account.getEntityManager();
        long posts = em.createQuery("select count(p) from Post p where p.author.id = :id", Long.class)
                .setParameter("id", accountId).getSingleResult();
        if (posts > 0) {
            throw new InvalidInputException(Map.of("delete",
                    SiteLanguage.messages(AccountMessages.class).errHasPosts()));
        }
        if (account.role == Role.ADMIN && Account.count("role", Role.ADMIN) <= 1) {
            throw new InvalidInputException(Map.of("delete", SiteLanguage.messages(AccountMessages.class).errOnlyAdmin()));
        }
        deleting.fire(new AccountDeleting(accountId, removeComments));
        em.flush();
        account.delete();
        directory.forget(accountId);
        changed.fire(new ContentChanged("an account was deleted"));
    }

    /** The name shown on comments whose writer deleted their account. */
    public static final String DELETED_USER = "deleted user";

    /** Forgets what this instance cached about the account, after a change made elsewhere (a ban lifted). */
    public void forget(long accountId) {
        directory.forget(accountId);
    }

    /** The profile fields an account holder edits on /account. */
    public record Profile(String displayName, String bio, String website) {
    }

    @Transactional
    public void updateProfile(long accountId, Profile profile) {
        ControlCharacters.refuse("displayName", profile.displayName(), "bio", profile.bio(), "website",
                profile.website());
        Map<String, String> errors = new LinkedHashMap<>();
        String name = profile.displayName() == null ? "" : profile.displayName().strip();
        if (name.isEmpty()) {
            errors.put("displayName", SiteLanguage.messages(AccountMessages.class).errNameOnPostsAndComments());
        } else if (name.length() > MAX_DISPLAY_NAME) {
            errors.put("displayName", SiteLanguage.messages().atMostCharacters(SiteLanguage.number(MAX_DISPLAY_NAME)));
        }
        String bio = profile.bio() == null ? "" : profile.bio().strip();
        if (bio.length() > MAX_BIO) {
            errors.put("bio", SiteLanguage.messages().atMostCharacters(SiteLanguage.number(MAX_BIO)));
        }
        String website = profile.website() == null ? "" : profile.website().strip();
        if (!website.isEmpty() && (website.length() > MAX_WEBSITE || !isWebAddress(website))) {
            errors.put("website",
                    SiteLanguage.messages(AccountMessages.class).errWebsite(MAX_WEBSITE));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Account account = Account.findById(accountId);
        account.displayName = name;
        account.bio = bio.isEmpty() ? null : bio;
        account.website = website.isEmpty() ? null : website;
        directory.forget(accountId);
        // the name and bio show on public pages (author box, author archive)
        changed.fire(new ContentChanged("a profile"));
    }

    @Transactional
    public void changePassword(long accountId, String current, String replacement) {
        LoginIdentity identity = LoginIdentity.<LoginIdentity> find("account.id = ?1 and provider = ?2", accountId,
                LoginIdentity.LOCAL).firstResultOptional()
                .orElseThrow(() -> new InvalidInputException(
                        Map.of("current", SiteLanguage.messages(AccountMessages.class).errNoPassword())));
        if (!passwords.matches(current, identity.passwordHash)) {
            throw new InvalidInputException(
                    Map.of("current", SiteLanguage.messages(AccountMessages.class).errCurrentPassword()));
        }
        String problem = Passwords.problemWith(replacement);
        if (problem != null) {
            throw new InvalidInputException(Map.of("password", problem));
        }
        identity.passwordHash = Passwords.hash(replacement);
    }

    /**
     * Sets a new password for the local account with this email, after its holder proved they read its mail, and
     * signs out every session it had. Returns the account as it now signs in (with the new session epoch).
     */
    @Transactional
    public AccountPrincipal resetPassword(String email, String replacement) {
        String problem = Passwords.problemWith(replacement);
        if (problem != null) {
            throw new InvalidInputException(Map.of("password", problem));
        }
        LoginIdentity identity = LoginIdentity.findLocal(email).orElseThrow(jakarta.ws.rs.NotFoundException::new);
        Account account = identity.account;
        refuseIfBanned(account);
        identity.passwordHash = Passwords.hash(replacement);
        account.sessionEpoch++;
        directory.forget(account.id);
        return AccountPrincipal.of(account);
    }

    public static boolean isWebAddress(String text) {
        try {
            java.net.URI uri = new java.net.URI(text);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    String uniqueHandle(String displayName) {
        return uniqueHandle(displayName, "user");
    }

    /**
     * A free handle made from {@code name}: its slug cut to 50 characters, or {@code fallback} when nothing of
     * the name makes a slug; then -2, -3… while taken.
     */
    public static String uniqueHandle(String name, String fallback) {
        String base = Slugs.of(name);
        if (base.isEmpty()) {
            base = fallback;
        } else if (base.length() > 50) {
            base = base.substring(0, 50).replaceAll("-+$", "");
        }
        return Slugs.firstFree(base, new java.util.HashSet<>(Account.handlesLike(base)));
    }
}
