package org.quillpress.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.quillpress.support.TestClock;
import org.quillpress.support.TestComments;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
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

    @Inject
    TestClock clock;

    @Inject
    Mailer mailer;

    @Test
    void whileSmtpIsDownMailWaitsWithItsErrorAndGoesOutOnceItIsBack() {
        String to = TestComments.guestEmail("patient");
        GreenMailResource.stopSmtp();
        try {
            long id = enqueue(to, "Sent after an outage", clock.instant());
            // the job may take a turn too; either way each attempt is made once the mail is due
            OutboxMail row = await().atMost(Inbox.WAIT).until(() -> {
                clock.advanceTo(load(id).nextAttemptAt);
                delivery.deliver(List.of(id));
                return load(id);
            }, r -> r.attempts >= 2);
            assertThat(row.sentAt).isNull();
            assertThat(row.lastError).isNotBlank().hasSizeLessThanOrEqualTo(OutboxMail.MAX_ERROR);
            assertThat(row.nextAttemptAt).isAfter(clock.instant());
            assertThat(delivery.deliver(List.of(id))).as("no attempt before the wait is over").isZero();
            assertThat(load(id).attempts).isEqualTo(row.attempts);
        } finally {
            GreenMailResource.startSmtp();
        }
        clock.advanceTo(QuarkusTransaction.requiringNew().call(() -> OutboxMail.listTo(to).get(0).nextAttemptAt));
        MimeMessage mail = Inbox.exactly(to, "Sent after an outage", 1).get(0);
        assertThat(Inbox.text(mail)).isEqualTo("Body of: Sent after an outage");
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxMail.listTo(to).get(0).sentAt)).isNotNull();
    }

    @Test
    void aMailThatFailedTooOftenIsGivenUpAndKeptUnsent() {
        String to = TestComments.guestEmail("given-up");
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
        // the profile waits 10 minutes after a first failure
        assertThat(delivery.waitAfter(1)).isEqualTo(Duration.ofMinutes(10));
        assertThat(delivery.waitAfter(2)).isEqualTo(Duration.ofMinutes(20));
        assertThat(delivery.waitAfter(4)).isEqualTo(Duration.ofMinutes(80));
        assertThat(delivery.waitAfter(6)).isEqualTo(Duration.ofMinutes(320));
        assertThat(delivery.waitAfter(7)).isEqualTo(Duration.ofHours(6));
        assertThat(delivery.waitAfter(40)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void aMailOneSenderHoldsIsSkippedByAnotherNotWaitedFor() throws Exception {
        // due in an hour, so that the running job leaves it alone: the claims below look ahead
        Instant later = clock.instant().plus(Duration.ofHours(1));
        String to = TestComments.guestEmail("locked");
        long id = enqueue(to, "Locked", later);
        Instant lookAhead = later.plus(Duration.ofMinutes(1));
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> held = other.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                boolean got = !OutboxMail.claimDue(List.of(id), lookAhead, 8).isEmpty();
                claimed.countDown();
                release.await(60, TimeUnit.SECONDS);
                return got;
            }));
            assertThat(claimed.await(60, TimeUnit.SECONDS)).isTrue();

            long started = System.nanoTime();
            boolean mine = QuarkusTransaction.requiringNew()
                    .call(() -> !OutboxMail.claimDue(List.of(id), lookAhead, 8).isEmpty());
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            release.countDown();

            assertThat(held.get(60, TimeUnit.SECONDS)).as("the first sender's claim").isTrue();
            assertThat(mine).as("a second sender's claim while the first holds the row").isFalse();
            // well below the holder's 60 s, with room for a busy machine
            assertThat(took).as("the second claim skipped the locked row instead of waiting").isLessThan(
                    Duration.ofSeconds(20));
            // once the first sender's transaction is over, the row can be claimed again
            assertThat(QuarkusTransaction.requiringNew()
                    .call(() -> !OutboxMail.claimDue(List.of(id), lookAhead, 8).isEmpty())).isTrue();
        } finally {
            release.countDown();
            other.shutdownNow();
            QuarkusTransaction.requiringNew().run(() -> OutboxMail.deleteById(id));
        }
    }

    @Test
    void aSenderClaimsSeveralMailsInOneGoAndSkipsOnlyTheOneAnotherHolds() throws Exception {
        // due in an hour, so that the running job leaves them alone: the claims below look ahead
        Instant later = clock.instant().plus(Duration.ofHours(1));
        String to = TestComments.guestEmail("several");
        List<Long> ids = List.of(enqueue(to, "First", later), enqueue(to, "Held", later), enqueue(to, "Third", later));
        Instant lookAhead = later.plus(Duration.ofMinutes(1));
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?> holder = other.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                assertThat(OutboxMail.claimDue(List.of(ids.get(1)), lookAhead, 8)).hasSize(1);
                held.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(held.await(60, TimeUnit.SECONDS)).isTrue();

            Map<Long, Mail> claimed = delivery.claim(ids, lookAhead);
            release.countDown();
            holder.get(60, TimeUnit.SECONDS);

            assertThat(claimed.keySet()).as("claimed in the order asked, the held one left out")
                    .containsExactly(ids.get(0), ids.get(2));
            // each claimed mail's lease and Message-ID were committed before anything was sent
            for (long id : List.of(ids.get(0), ids.get(2))) {
                OutboxMail row = load(id);
                // the database keeps microseconds
                assertThat(row.nextAttemptAt).isCloseTo(lookAhead.plus(MailDelivery.LEASE), within(1, ChronoUnit.MILLIS));
                assertThat(row.messageId).isNotNull().isEqualTo(claimed.get(id).getHeaders().get("Message-ID").get(0));
                assertThat(row.sentAt).isNull();
            }
            assertThat(load(ids.get(1)).messageId).as("the held mail, untouched").isNull();
        } finally {
            release.countDown();
            other.shutdownNow();
            QuarkusTransaction.requiringNew().run(() -> ids.forEach(id -> OutboxMail.deleteById(id)));
        }
    }

    @Test
    void severalSendersAtOnceSendEachMailExactlyOnce() throws Exception {
        String to = TestComments.guestEmail("once");
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
                run.get(2, TimeUnit.MINUTES);
            }
        } finally {
            senders.shutdownNow();
        }
        // an SMTP answer slower than the mailer's timeout (a busy machine) defers that mail to a later try, as in
        // production: let the later tries come, so that what is checked is that no mail is sent twice
        for (int retry = 0; retry < 3 && unsent(to) > 0; retry++) {
            clock.advance(Duration.ofHours(7));
            while (delivery.deliverBatch() > 0) {
                // as above
            }
        }

        List<MimeMessage> arrived = Inbox.exactly(to, "Exactly once #", 30);
        Set<String> distinct = new HashSet<>();
        arrived.forEach(m -> distinct.add(Inbox.subject(m)));
        assertThat(distinct).containsExactlyInAnyOrderElementsOf(subjects);
    }

    private static long unsent(String to) {
        return QuarkusTransaction.requiringNew()
                .call(() -> OutboxMail.count("recipient = ?1 and sentAt is null", to));
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
