package org.quillpress.mail;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.quillpress.comment.FloodLimits;
import org.quillpress.web.ClockTimeMeter;
import org.quillpress.web.Networks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

/**
 * How many subscription-confirmation mails the site sends for guests: a few a day to one address, and a few an
 * hour for one network (an IPv4 address, an IPv6 /64), so that nobody can use the comment form to mail strangers
 * over and over. Per instance, like the flood limits, and with their exempt addresses.
 */
@ApplicationScoped
public class ConfirmationLimits {

    static final int PER_ADDRESS_A_DAY = 3;
    static final int PER_NETWORK_AN_HOUR = 10;

    @Inject
    Clock clock;

    @Inject
    FloodLimits floodLimits;

    private final TimeMeter time = new ClockTimeMeter(() -> clock);

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(200_000)
            .expireAfterAccess(Duration.ofDays(1)).build();

    /** Takes one confirmation mail to {@code email}, asked for from {@code address}; false when either is used up. */
    public boolean take(String email, String address) {
        Bucket toAddress = buckets.get("email:" + email.strip().toLowerCase(Locale.ROOT),
                k -> bucket(PER_ADDRESS_A_DAY, Duration.ofDays(1)));
        Bucket fromNetwork = buckets.get("net:" + Networks.of(address),
                k -> bucket(PER_NETWORK_AN_HOUR, Duration.ofHours(1)));
        boolean exempt = floodLimits.exemptAddresses().orElse(List.of()).contains(address);
        if (toAddress.getAvailableTokens() < 1 || !exempt && !fromNetwork.tryConsume(1)) {
            return false;
        }
        return toAddress.tryConsume(1);
    }

    private Bucket bucket(int capacity, Duration period) {
        return Bucket.builder().withCustomTimePrecision(time)
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build()).build();
    }
}
