package org.quillpress.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.quillpress.QuillpressConfig;
import org.quillpress.mail.Inbox;
import org.quillpress.mail.OutboxMail;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Hibernate's statement statistics count every thread's statements, so a page's count is only its own
 * while the timed jobs have nothing to do. Mail is the busy one: comments enqueue notifications that the
 * delivery job sends (here it is run at once); and on the embedded build the search index rebuilds itself after a
 * change.
 */
public final class QuietJobs {

    private QuietJobs() {
    }

    /**
     * Sends the mail that is due by the application's clock, running the delivery job here rather than waiting for
     * its timer, until none is left; mail backing off after a failure waits for its time, as the job does. The
     * timer may take a turn meanwhile: each mail is still sent once.
     */
    public static void awaitOutboxDrained() {
        awaitSearchIndex();
        int maxAttempts = Arc.container().instance(QuillpressConfig.class).get().mail().maxAttempts();
        await("mail due in the outbox to be sent").atMost(Duration.ofMinutes(2)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    Inbox.deliverDue();
                    return QuarkusTransaction.requiringNew()
                            .call(() -> OutboxMail.count("sentAt is null and nextAttemptAt <= ?1 and attempts < ?2",
                                    TestClock.current().instant(), maxAttempts)) == 0;
                });
    }

    /**
     * The embedded build's search index re-reads a post after a comment on it and rebuilds itself after content
     * changes, reading every post meanwhile: waits until it has taken in every change announced so far.
     */
    public static void awaitSearchIndex() {
        var search = Arc.container().instance(org.quillpress.search.LuceneSearch.class);
        if (search.isAvailable()) {
            try {
                search.get().awaitCaughtUp(Duration.ofMinutes(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
