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

    /** Waits (at most 60 s) until no mail is due; mail backing off after a failure waits for its time, as the job does. */
    public static void awaitOutboxDrained() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (QuarkusTransaction.requiringNew().call(() -> OutboxMail.count(
                "sentAt is null and nextAttemptAt <= ?1 and attempts < ?2", Instant.now(), 8)) > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("mail is still due in the outbox after 60 s");
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
