package org.quillpress.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The outbox job against a real SMTP server: retries, skipped locks, and nothing sent twice. */
@QuarkusTest
@TestProfile(MailProfile.class)
class MailDeliveryTest {

    @Inject
    Outbox outbox;

    @Inject
    MailDelivery delivery;

    @Test
    void whileSmtpIsDownMailWaitsWithItsErrorAndGoesOutOnceItIsBack() {
        String to = Discussion.guestEmail("patient");
        GreenMailResource.stopSmtp();
        try {
            long id = enqueue(to, "Sent after an outage", Instant.now());
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            OutboxMail row = load(id);
            while (row.attempts < 2 && System.nanoTime() < end) {
                Inbox.sleep(Duration.ofMillis(200));
                row = load(id);
            }
            assertThat(row.attempts).as("failed attempts while the server is down").isGreaterThanOrEqualTo(2);
            assertThat(row.sentAt).isNull();
            assertThat(row.lastError).isNotBlank().hasSizeLessThanOrEqualTo(OutboxMail.MAX_ERROR);
            assertThat(row.nextAttemptAt).isAfter(row.createdAt);
        } finally {
            GreenMailResource.startSmtp();
        }
        MimeMessage mail = Inbox.exactly(to, "Sent after an outage", 1).get(0);
        assertThat(Inbox.text(mail)).isEqualTo("Body of: Sent after an outage");
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxMail.listTo(to).get(0).sentAt)).isNotNull();
    }

    @Test
    void aMailThatFailedTooOftenIsGivenUpAndKeptUnsent() {
        String to = Discussion.guestEmail("given-up");
        long id = QuarkusTransaction.requiringNew().call(() -> {
            OutboxMail mail = outbox.enqueue(to, "Never sent", "text", null, null);
            mail.attempts = 8;
            mail.lastError = "Connection refused";
            return mail.id;
        });

        Inbox.exactly(to, "", 0);
        OutboxMail row = load(id);
        assertThat(row.sentAt).isNull();
        assertThat(row.attempts).isEqualTo(8);
        assertThat(row.lastError).isEqualTo("Connection refused");
    }

    @Test
    void waitsDoubleAfterEachFailureUpToSixHours() {
        // the profile waits 1 s after a first failure
        assertThat(delivery.waitAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(delivery.waitAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(delivery.waitAfter(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(delivery.waitAfter(11)).isEqualTo(Duration.ofSeconds(1024));
        assertThat(delivery.waitAfter(16)).isEqualTo(Duration.ofHours(6));
        assertThat(delivery.waitAfter(40)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void aMailOneSenderHoldsIsSkippedByAnotherNotWaitedFor() throws Exception {
        // due in an hour, so that the running job leaves it alone: the claims below look ahead
        Instant later = Instant.now().plus(Duration.ofHours(1));
        String to = Discussion.guestEmail("locked");
        long id = enqueue(to, "Locked", later);
        Instant lookAhead = later.plus(Duration.ofMinutes(1));
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> held = other.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                boolean got = OutboxMail.claimIfDue(id, lookAhead, 8).isPresent();
                claimed.countDown();
                release.await(30, TimeUnit.SECONDS);
                return got;
            }));
            assertThat(claimed.await(30, TimeUnit.SECONDS)).isTrue();

            long started = System.nanoTime();
            boolean mine = QuarkusTransaction.requiringNew().call(() -> OutboxMail.claimIfDue(id, lookAhead, 8).isPresent());
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            release.countDown();

            assertThat(held.get(30, TimeUnit.SECONDS)).as("the first sender's claim").isTrue();
            assertThat(mine).as("a second sender's claim while the first holds the row").isFalse();
            assertThat(took).as("the second claim skipped the locked row instead of waiting").isLessThan(
                    Duration.ofSeconds(5));
            // once the first sender's transaction is over, the row can be claimed again
            assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxMail.claimIfDue(id, lookAhead, 8).isPresent()))
                    .isTrue();
        } finally {
            release.countDown();
            other.shutdownNow();
            QuarkusTransaction.requiringNew().run(() -> OutboxMail.deleteById(id));
        }
    }

    @Test
    void severalSendersAtOnceSendEachMailExactlyOnce() throws Exception {
        String to = Discussion.guestEmail("once");
        List<String> subjects = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 30; i++) {
                String subject = "Exactly once #" + i;
                subjects.add(subject);
                outbox.enqueue(to, subject, "Body of: " + subject, null, null);
            }
        });

        // four more senders besides the scheduled job, as if five instances ran it
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(senders.submit(() -> {
                    while (delivery.deliverBatch() > 0) {
                        // each call claims, sends and marks what it can; the others skip what it holds
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            senders.shutdownNow();
        }

        List<MimeMessage> arrived = Inbox.exactly(to, "Exactly once #", 30);
        Set<String> distinct = new HashSet<>();
        arrived.forEach(m -> distinct.add(Inbox.subject(m)));
        assertThat(distinct).containsExactlyInAnyOrderElementsOf(subjects);
    }

    private long enqueue(String to, String subject, Instant due) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OutboxMail mail = outbox.enqueue(to, subject, "Body of: " + subject, null, null);
            mail.nextAttemptAt = due;
            return mail.id;
        });
    }

    private static OutboxMail load(long id) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMail.<OutboxMail> findById(id));
    }
}
