package org.quillpress.support;

import java.time.Duration;
import java.time.Instant;

import org.quillpress.mail.OutboxMail;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Hibernate's statement statistics count every thread's statements, so a page's count is only its own
 * while the timed jobs have nothing to do. Mail is the busy one: comments enqueue notifications that the
 * delivery job sends within seconds.
 */
public final class QuietJobs {

    private QuietJobs() {
    }

    /**
     * Waits (at most 15 s, then measures anyway: callers keep the lowest of several counts) until no mail is due: mail backing
     * off after a failure is left alone, as the
     * job leaves it alone too.
     */
    public static void awaitOutboxDrained() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (QuarkusTransaction.requiringNew().call(() -> OutboxMail.count(
                "sentAt is null and nextAttemptAt <= ?1 and attempts < ?2", Instant.now(), 8)) > 0) {
            if (Instant.now().isAfter(deadline)) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
