package org.quillpress.mail;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.quillpress.comment.FloodLimits;
import org.quillpress.web.Networks;
import org.quillpress.web.RateLimits;
import org.quillpress.web.RateLimits.Rate;

/**
 * How many subscription-confirmation mails the site sends for guests: a few a day to one address, and a few an
 * hour for one network (an IPv4 address, an IPv6 /64), so that nobody can use the comment form to mail strangers
 * over and over. Counted by {@link RateLimits} (across instances on PostgreSQL), with the flood limits' exempt
 * addresses.
 */
@ApplicationScoped
public class ConfirmationLimits {

    static final int PER_ADDRESS_A_DAY = 3;
    static final int PER_NETWORK_AN_HOUR = 10;

    @Inject
    RateLimits rateLimits;

    @Inject
    FloodLimits floodLimits;

    /** Takes one confirmation mail to {@code email}, asked for from {@code address}; false when either is used up. */
    public boolean take(String email, String address) {
        RateLimits.Limit toAddress = rateLimits.limit("confirm.email",
                List.of(Rate.of(PER_ADDRESS_A_DAY, Duration.ofDays(1))), email.strip().toLowerCase(Locale.ROOT));
        RateLimits.Limit fromNetwork = rateLimits.limit("confirm.network",
                List.of(Rate.of(PER_NETWORK_AN_HOUR, Duration.ofHours(1))), Networks.of(address));
        boolean exempt = floodLimits.exemptAddresses().orElse(List.of()).contains(address);
        if (!toAddress.available() || !exempt && !fromNetwork.tryTake()) {
            return false;
        }
        return toAddress.tryTake();
    }
}
