package org.quillpress.newsletter;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.quillpress.post.Post;
import org.quillpress.web.SiteTime;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Daily and weekly digests, at the configured local time of the site's zone ({@link DigestPeriods}), and the
 * deletion of subscription requests nobody confirmed in time.
 * <p>
 * Any number of instances may run it: each subscriber is claimed in a transaction of its own ({@code FOR UPDATE
 * SKIP LOCKED}) while its digest is still to be made, and the same transaction moves its start past the period, so
 * each digest is made once. A subscriber with nothing new gets no mail; the period is passed all the same.
 */
@ApplicationScoped
public class PostDigests {

    /** Subscribers one run handles per frequency at most; the rest wait for the next run. */
    static final int BATCH = 500;

    @Inject
    NewPostMails mails;

    @Inject
    NewsletterConfig config;

    @Inject
    Clock clock;

    @Scheduled(every = "${quillpress.newsletter.check-every:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDueDigests() {
        sendDue(clock.instant());
    }

    /** How many digests this run wrote to the outbox; a test calls it with a time of its own. */
    int sendDue(Instant now) {
        long expired = QuarkusTransaction.requiringNew().call(() -> SubscribeRequest.deleteExpired(now));
        if (expired > 0) {
            Log.debugf("Deleted %d unconfirmed subscription requests", expired);
        }
        DigestPeriods periods = new DigestPeriods(SiteTime.zone(), config.digestAt(), config.weeklyOn());
        int sent = 0;
        for (Frequency frequency : List.of(Frequency.DAILY, Frequency.WEEKLY)) {
            Instant end = periods.latestEnd(frequency, now);
            List<Long> due = QuarkusTransaction.requiringNew()
                    .call(() -> PostSubscriber.listDigestDueIds(frequency, end, BATCH));
            for (long id : due) {
                boolean mailed = QuarkusTransaction.requiringNew().call(() -> PostSubscriber
                        .claimDigestDue(id, frequency, end).map(subscriber -> {
                            List<Post> posts = PostAnnouncement.listForDigest(subscriber.lastDigestAt, end, now,
                                    subscriber);
                            subscriber.lastDigestAt = end;
                            if (!posts.isEmpty()) {
                                mails.digest(subscriber, posts);
                            }
                            return !posts.isEmpty();
                        }).orElse(false));
                if (mailed) {
                    sent++;
                }
            }
        }
        return sent;
    }
}
