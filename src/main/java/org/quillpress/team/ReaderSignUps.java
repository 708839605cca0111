package org.quillpress.team;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.quillpress.account.Account;
import org.quillpress.account.AccountService;
import org.quillpress.account.LoginIdentity;
import org.quillpress.account.Role;
import org.quillpress.mail.AccountMails;
import org.quillpress.site.SiteSetting;

import io.quarkus.logging.Log;

/**
 * Readers signing up with their email, when an admin allows it (off by default): the email gets a link that works
 * once, for a day; it leads to the same page as an invitation, creating a reader account. An email that already
 * has an account gets no mail, and the answer is the same, so the form reveals nobody.
 */
@ApplicationScoped
public class ReaderSignUps {

    static final String SETTING = "team.reader-sign-up";

    static final Duration VALID_FOR = Duration.ofDays(1);

    @Inject
    AccountMails mails;

    @Inject
    LinkMailLimit limit;

    @Inject
    Clock clock;

    /** Whether readers may sign up by email now. */
    @Transactional
    public boolean open() {
        return SiteSetting.get(SETTING).map(Boolean::parseBoolean).orElse(false);
    }

    @Transactional
    public void setOpen(boolean open) {
        SiteSetting.put(SETTING, Boolean.toString(open));
    }

    /** Sends a confirmation link when sign-up is open, the email is free and the limits allow; else nothing. */
    @Transactional
    public void request(String email, String clientAddress) {
        if (!open() || email == null || email.length() > AccountService.MAX_EMAIL
                || !AccountService.EMAIL.matcher(email.strip()).matches()) {
            return;
        }
        String address = email.strip();
        if (!limit.tryTake(clientAddress, address)) {
            Log.info("A sign-up mail was not sent: the hourly limit for the address or the email is reached");
            return;
        }
        if (LoginIdentity.findLocal(address).isPresent()
                || Account.count("lower(email)", address.toLowerCase(java.util.Locale.ROOT)) > 0) {
            return;
        }
        Instant now = clock.instant();
        String token = OneTimeLink.newToken();
        OneTimeLink link = new OneTimeLink();
        link.purpose = OneTimeLink.Purpose.SIGNUP;
        link.tokenHash = OneTimeLink.hash(token);
        link.email = address;
        link.role = Role.READER;
        link.createdAt = now;
        link.expiresAt = now.plus(VALID_FOR);
        link.persist();
        mails.confirmSignUp(address, token, VALID_FOR);
    }
}
