package org.quillpress.mail;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.quillpress.QuillpressConfig;

import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.scheduler.Scheduled;

/**
 * Delivers the outbox, on any number of instances at once, each mail once:
 * <ol>
 * <li>a short transaction claims up to {@link #CLAIM} mails ({@code FOR UPDATE SKIP LOCKED}: a row another instance
 * is claiming is skipped, not waited for) and takes a lease on each, by moving its next try {@link #LEASE} ahead,
 * and gives each its Message-ID if it has none; this commits <em>before</em> anything is sent, so no other
 * instance takes these mails while they are being sent, and no database connection is held during the SMTP
 * conversations;</li>
 * <li>each mail is sent;</li>
 * <li>and right after it a short transaction of its own marks it sent, or records the failure and the time of the
 * next try.</li>
 * </ol>
 * What remains: if the process dies, or the database is out, after the SMTP server accepted a mail but before
 * the mark has committed, the row is still unsent and the mail goes out again when the lease ends. SMTP offers no
 * way to ask whether a message was already taken, so "at most once" and "at least once" cannot both be had; losing
 * no mail wins. The second copy carries the same Message-ID, by which mail systems and clients recognise (and
 * many drop) a duplicate.
 */
@ApplicationScoped
public class MailDelivery {

    /** Mails one run sends at most, so that a long queue does not hold the job for minutes. */
    static final int BATCH = 100;
    /**
     * Mails claimed in one transaction: one locking statement and one commit for several instead of each (a burst
     * of comments is as many mails), and few enough that a crashed sender leaves only a few claimed and unsent to
     * wait out their lease.
     */
    static final int CLAIM = 20;
    static final Duration LONGEST_WAIT = Duration.ofHours(6);
    /** How long one run keeps sending before it leaves the rest to the next. */
    static final Duration RUN_BUDGET = Duration.ofSeconds(30);
    /**
     * How long a claimed mail is left to its sender before another may try it: far longer than an SMTP
     * conversation takes (the mailer gives up on a silent server well before), so only a crashed sender's mail
     * is taken over.
     */
    static final Duration LEASE = Duration.ofMinutes(10);

    @Inject
    Mailer mailer;

    @Inject
    QuillpressConfig config;

    @Inject
    Clock clock;

    @ConfigProperty(name = "quarkus.mailer.mock")
    Optional<Boolean> mock;

    private final AtomicBoolean toldNotConfigured = new AtomicBoolean();

    @Scheduled(every = "${quillpress.mail.deliver-every:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverDue() {
        if (!configured()) {
            if (toldNotConfigured.compareAndSet(false, true)) {
                long waiting = QuarkusTransaction.requiringNew()
                        .call(() -> OutboxMail.countWaiting(config.mail().maxAttempts()));
                Log.warnf("Mail is not configured (set QUILLPRESS_SMTP_HOST): %d mails wait in the outbox and "
                        + "will be sent once it is", waiting);
            }
            return;
        }
        // batch after batch while there is due mail, so a burst (a bulk approval mails many people) goes out
        // in one run instead of a hundred every interval; the budget leaves the rest to the next run. It bounds
        // how long this thread is busy, not a rule about the site's time, so it is measured, not read from the clock
        long stopAt = System.nanoTime() + RUN_BUDGET.toNanos();
        while (deliverBatch() == BATCH && System.nanoTime() < stopAt) {
            Log.debug("More mail is due: sending the next batch");
        }
    }

    /** Tries the due mails, up to {@link #BATCH} of them; returns how many this call claimed. */
    int deliverBatch() {
        int maxAttempts = config.mail().maxAttempts();
        List<Long> due = QuarkusTransaction.requiringNew()
                .call(() -> OutboxMail.listDueIds(clock.instant(), maxAttempts, BATCH));
        int claimed = 0;
        for (int from = 0; from < due.size(); from += CLAIM) {
            claimed += deliver(due.subList(from, Math.min(due.size(), from + CLAIM)));
        }
        return claimed;
    }

    /**
     * Claims these mails together, then sends each and records its outcome in a short transaction of its own.
     * Returns how many it claimed: a mail another sender holds, or has sent meanwhile, is left to it.
     */
    int deliver(List<Long> ids) {
        Instant now = clock.instant();
        Map<Long, Mail> claimed = claim(ids, now);
        claimed.forEach((id, mail) -> {
            RuntimeException failure = null;
            try {
                mailer.send(mail);
            } catch (RuntimeException e) {
                failure = e;
            }
            record(id, now, failure);
        });
        return claimed.size();
    }

    /**
     * The mails to send, by id in the order asked, that this sender got the lease on; committed before anything is
     * sent.
     */
    Map<Long, Mail> claim(List<Long> ids, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<Long, Mail> claimed = new LinkedHashMap<>();
            for (OutboxMail mail : OutboxMail.claimDue(ids, now, config.mail().maxAttempts())) {
                mail.nextAttemptAt = now.plus(LEASE);
                if (mail.messageId == null) {
                    mail.messageId = "<" + UUID.randomUUID() + "@" + messageIdDomain() + ">";
                }
                claimed.put(mail.id, toMail(mail));
            }
            return claimed;
        });
    }

    private void record(long id, Instant claimedAt, RuntimeException failure) {
        QuarkusTransaction.requiringNew().run(() -> {
            OutboxMail mail = OutboxMail.findById(id);
            if (mail == null || mail.sentAt != null) {
                return;
            }
            if (failure == null) {
                mail.sentAt = clock.instant();
                return;
            }
            mail.attempts++;
            mail.lastError = Outbox.cut(describe(failure), OutboxMail.MAX_ERROR);
            mail.nextAttemptAt = claimedAt.plus(waitAfter(mail.attempts));
            if (mail.attempts >= config.mail().maxAttempts()) {
                Log.errorf("Gave up mail %d after %d attempts: %s", mail.id, mail.attempts, mail.lastError);
            } else {
                Log.warnf("Mail %d failed (attempt %d), next try at %s: %s", mail.id, mail.attempts,
                        mail.nextAttemptAt, mail.lastError);
            }
        });
    }

    /** The right-hand side of Message-IDs: the site's host name, which this site's mails alone use. */
    private String messageIdDomain() {
        try {
            String host = URI.create(config.siteUrl()).getHost();
            return host == null || host.isBlank() ? "quillpress.invalid" : host;
        } catch (IllegalArgumentException e) {
            return "quillpress.invalid";
        }
    }

    /** Exponential back-off: the configured wait, doubled for each further failure, at most six hours. */
    Duration waitAfter(int attempts) {
        Duration first = config.mail().retryAfter();
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration wait = first.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 || wait.isNegative() ? LONGEST_WAIT : wait;
    }

    /** Dev and test hand mail to the mock mailbox (and the log); elsewhere an SMTP server must be named. */
    boolean configured() {
        return mock.orElse(LaunchMode.current().isDevOrTest()) || config.mail().smtpHost().isPresent();
    }

    static Mail toMail(OutboxMail stored) {
        Mail mail = Mail.withText(stored.recipient, stored.subject, stored.bodyText);
        if (stored.bodyHtml != null) {
            mail.setHtml(stored.bodyHtml);
        }
        if (stored.messageId != null) {
            mail.addHeader("Message-ID", stored.messageId);
        }
        if (stored.listUnsubscribe != null) {
            // RFC 2369 and RFC 8058: mail clients show an unsubscribe button that POSTs to this address
            mail.addHeader("List-Unsubscribe", "<" + stored.listUnsubscribe + ">");
            mail.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return mail;
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < OutboxMail.MAX_ERROR; t = t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
            if (t.getCause() == t) {
                break;
            }
        }
        return Outbox.oneLine(text.toString());
    }
}
