package org.quillpress.team;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.quillpress.account.AccountPrincipal;
import org.quillpress.account.AccountService;
import org.quillpress.account.LoginIdentity;
import org.quillpress.mail.AccountMails;
import org.quillpress.security.LoginThrottle;
import org.quillpress.security.Passwords;
import org.quillpress.web.InvalidInputException;

import io.quarkus.logging.Log;

/** Password reset by mail: a one-time link, valid for an hour, that lets a local account choose a new password. */
@ApplicationScoped
public class PasswordResets {

    static final Duration VALID_FOR = Duration.ofHours(1);

    @Inject
    AccountService accounts;

    @Inject
    AccountMails mails;

    @Inject
    LinkMailLimit limit;

    @Inject
    LoginThrottle throttle;

    @Inject
    Clock clock;

    /**
     * Sends a reset link to {@code email} when a local account has it and the limits allow; otherwise does nothing.
     * The caller answers the same either way, so the form tells nobody who has an account.
     */
    @Transactional
    public void request(String email, String clientAddress) {
        if (email == null || email.length() > AccountService.MAX_EMAIL
                || !AccountService.EMAIL.matcher(email.strip()).matches()) {
            return;
        }
        if (!limit.tryTake(clientAddress, email)) {
            Log.info("A password reset mail was not sent: the hourly limit for the address or the email is reached");
            return;
        }
        Optional<LoginIdentity> identity = LoginIdentity.findLocal(email);
        if (identity.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        String token = OneTimeLink.newToken();
        OneTimeLink link = new OneTimeLink();
        link.purpose = OneTimeLink.Purpose.RESET;
        link.tokenHash = OneTimeLink.hash(token);
        link.email = identity.get().subject;
        link.accountId = identity.get().account.id;
        link.createdAt = now;
        link.expiresAt = now.plus(VALID_FOR);
        link.persist();
        mails.passwordReset(identity.get().account.email == null ? link.email : identity.get().account.email, token,
                VALID_FOR);
    }

    /** The email a reset link is for, while it works; nothing changes. */
    @Transactional
    public String emailFor(String token) {
        return OneTimeLink.findUsable(token, OneTimeLink.Purpose.RESET, clock.instant()).map(l -> l.email)
                .orElseThrow(LinkNotUsable::new);
    }

    /**
     * Sets the new password and uses the link up; every other session of the account ends. A password that breaks
     * the rules changes nothing and leaves the link working.
     */
    @Transactional
    public Reset reset(String token, String password) {
        OneTimeLink link = OneTimeLink.findUsable(token, OneTimeLink.Purpose.RESET, clock.instant())
                .orElseThrow(LinkNotUsable::new);
        String problem = Passwords.problemWith(password);
        if (problem != null) {
            throw new InvalidInputException(java.util.Map.of("password", problem));
        }
        if (!link.use(clock.instant())) {
            throw new LinkNotUsable();
        }
        AccountPrincipal account = accounts.resetPassword(link.email, password);
        // the owner proved who they are: whatever a stranger's guessing filled no longer stands in their way
        throttle.forget(link.email);
        return new Reset(account, link.email);
    }

    /** A reset done: the account as it signs in now, and the email it signs in with. */
    public record Reset(AccountPrincipal account, String email) {
    }
}
