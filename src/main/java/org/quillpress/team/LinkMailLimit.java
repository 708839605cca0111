package org.quillpress.team;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.quillpress.web.ClockTimeMeter;
import org.quillpress.web.Networks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

/**
 * How many link mails (password reset, sign-up confirmation) the public forms may cause: 3 an hour to one email,
 * and 10 an hour asked for from one network (an IPv4 /24 or an IPv6 /64, whatever the emails: one machine seldom
 * has only one address). Past either, the request is answered as
 * always but no mail is written, so that the forms can neither flood someone's inbox nor be used to find out who
 * has an account.
 */
@ApplicationScoped
class LinkMailLimit {

    static final int PER_EMAIL_AN_HOUR = 3;

    static final int PER_NETWORK_AN_HOUR = 10;

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofHours(2)).build();

    private final TimeMeter time;

    @Inject
    LinkMailLimit(Clock clock) {
        this.time = new ClockTimeMeter(() -> clock);
    }

    /** True, and counted, when one more mail may go to {@code email} at the request of {@code address}. */
    boolean tryTake(String address, String email) {
        Bucket byAddress = bucket("n:" + Networks.wide(address), PER_NETWORK_AN_HOUR);
        Bucket byEmail = bucket("e:" + email.strip().toLowerCase(Locale.ROOT), PER_EMAIL_AN_HOUR);
        if (byAddress.getAvailableTokens() < 1 || byEmail.getAvailableTokens() < 1) {
            return false;
        }
        return byAddress.tryConsume(1) & byEmail.tryConsume(1);
    }

    private Bucket bucket(String key, int capacity) {
        return buckets.get(key, k -> Bucket.builder().withCustomTimePrecision(time).addLimit(
                Bandwidth.builder().capacity(capacity).refillGreedy(capacity, Duration.ofHours(1)).build()).build());
    }
}
