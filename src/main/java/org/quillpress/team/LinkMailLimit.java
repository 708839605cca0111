package org.quillpress.team;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.quillpress.web.Networks;
import org.quillpress.web.RateLimits;
import org.quillpress.web.RateLimits.Rate;

/**
 * How many link mails (password reset, sign-up confirmation) the public forms may cause: 3 an hour to one email,
 * and 10 an hour asked for from one network (an IPv4 /24 or an IPv6 /64, whatever the emails: one machine seldom
 * has only one address). Past either, the request is answered as
 * always but no mail is written, so that the forms can neither flood someone's inbox nor be used to find out who
 * has an account. Counted by {@link RateLimits}, across instances on PostgreSQL.
 */
@ApplicationScoped
class LinkMailLimit {

    static final int PER_EMAIL_AN_HOUR = 3;

    static final int PER_NETWORK_AN_HOUR = 10;

    private final RateLimits rateLimits;

    @Inject
    LinkMailLimit(RateLimits rateLimits) {
        this.rateLimits = rateLimits;
    }

    /** True, and counted, when one more mail may go to {@code email} at the request of {@code address}. */
    boolean tryTake(String address, String email) {
        RateLimits.Limit byAddress = rateLimits.limit("link-mail.network",
                List.of(Rate.of(PER_NETWORK_AN_HOUR, Duration.ofHours(1))), Networks.wide(address));
        RateLimits.Limit byEmail = rateLimits.limit("link-mail.email",
                List.of(Rate.of(PER_EMAIL_AN_HOUR, Duration.ofHours(1))), email.strip().toLowerCase(Locale.ROOT));
        if (!byAddress.available() || !byEmail.available()) {
            return false;
        }
        return byAddress.tryTake() & byEmail.tryTake();
    }
}
