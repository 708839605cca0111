package org.quillpress.account;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.quillpress.security.Passwords;
import org.quillpress.web.ContentChanged;
import org.quillpress.web.InvalidInputException;
import org.quillpress.web.Slugs;

/** Creates accounts, checks local passwords, changes roles and profiles. */
@ApplicationScoped
public class AccountService {

    /** A deliberately plain check: something@something.something, no spaces. */
    public static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    @Inject
    Event<ContentChanged> changed;

    @Inject
    Passwords passwords;

    @Inject
    AccountDirectory directory;

    /** Creates an account that signs in locally with email and password. */
    @Transactional
    public Account createLocal(String displayName, String email, String password, Role role) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (displayName == null || displayName.isBlank()) {
            errors.put("displayName", "Enter the name to show on your posts.");
        } else if (displayName.strip().length() > 120) {
            errors.put("displayName", "Use at most 120 characters.");
        }
        if (email == null || email.length() > 254 || !EMAIL.matcher(email.strip()).matches()) {
            errors.put("email", "Enter an email address such as name@example.org.");
        } else if (LoginIdentity.findLocal(email).isPresent()) {
            errors.put("email", "An account with this email exists already.");
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
        account.createdAt = Instant.now();
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
        identity.get().lastUsedAt = Instant.now();
        return Optional.of(AccountPrincipal.of(identity.get().account));
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

    /** The profile fields an account holder edits on /account. */
    public record Profile(String displayName, String bio, String website) {
    }

    @Transactional
    public void updateProfile(long accountId, Profile profile) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = profile.displayName() == null ? "" : profile.displayName().strip();
        if (name.isEmpty()) {
            errors.put("displayName", "Enter the name to show on your posts and comments.");
        } else if (name.length() > 120) {
            errors.put("displayName", "Use at most 120 characters.");
        }
        String bio = profile.bio() == null ? "" : profile.bio().strip();
        if (bio.length() > 2000) {
            errors.put("bio", "Use at most 2,000 characters.");
        }
        String website = profile.website() == null ? "" : profile.website().strip();
        if (!website.isEmpty() && (website.length() > 200 || !isWebAddress(website))) {
            errors.put("website", "Enter an address starting with https:// or http:// (at most 200 characters).");
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
                .orElseThrow(() -> new InvalidInputException(Map.of("current", "This account has no password.")));
        if (!passwords.matches(current, identity.passwordHash)) {
            throw new InvalidInputException(Map.of("current", "The current password is not right."));
        }
        String problem = Passwords.problemWith(replacement);
        if (problem != null) {
            throw new InvalidInputException(Map.of("password", problem));
        }
        identity.passwordHash = Passwords.hash(replacement);
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
        String base = Slugs.of(displayName);
        if (base.isEmpty()) {
            base = "user";
        }
        if (base.length() > 50) {
            base = base.substring(0, 50);
        }
        return Slugs.firstFree(base, new java.util.HashSet<>(Account.handlesLike(base)));
    }
}
