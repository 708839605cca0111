package org.quillpress.mail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import org.hibernate.Timeouts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A mail waiting to be sent, or sent. Written in the same transaction as what caused it, so that a
 * mail exists exactly when its cause was committed; delivered later by {@link MailDelivery}.
 */
@Entity
@Table(name = "outbox_mail")
public class OutboxMail extends PanacheEntityBase {

    /** The column's width; a longer error is cut. */
    static final int MAX_ERROR = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String recipient;

    @Column(nullable = false)
    public String subject;

    @Column(name = "body_text", nullable = false)
    public String bodyText;

    @Column(name = "body_html")
    public String bodyHtml;

    /** The one-click unsubscribe address for the List-Unsubscribe header, on subscription mail only. */
    @Column(name = "list_unsubscribe")
    public String listUnsubscribe;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public int attempts;

    /** When the next try is due; while one sender is sending, the end of its lease (see {@link MailDelivery}). */
    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    /** The Message-ID header, chosen at the first claim and kept for every later try. */
    @Column(name = "message_id")
    public String messageId;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "last_error")
    public String lastError;

    /**
     * Ids of unsent mails that are due and not given up, oldest first; read without locks. Each is then
     * claimed on its own with {@link #claimIfDue}.
     */
    public static List<Long> listDueIds(Instant now, int maxAttempts, int limit) {
        return getEntityManager().createQuery("select m.id from OutboxMail m where m.sentAt is null "
                + "and m.nextAttemptAt <= ?1 and m.attempts < ?2 order by m.nextAttemptAt, m.id", Long.class)
                .setParameter(1, now).setParameter(2, maxAttempts).setMaxResults(limit).getResultList();
    }

    /**
     * This mail, locked for the current transaction, if it is still unsent, due and not given up. A row
     * that another transaction holds (another instance sending it right now) is skipped rather than
     * waited for: {@code FOR UPDATE SKIP LOCKED}, on PostgreSQL and H2 alike.
     * <p>
     * One row by its id, not "the first due row": with a row limit H2 applies the limit before skipping
     * locked rows, so "first due, skip locked, limit 1" finds nothing there while another instance holds
     * the first row; PostgreSQL would skip to the next one. By id, both behave the same.
     */
    public static Optional<OutboxMail> claimIfDue(long id, Instant now, int maxAttempts) {
        return find("id = ?1 and sentAt is null and nextAttemptAt <= ?2 and attempts < ?3", id, now, maxAttempts)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", Timeouts.SKIP_LOCKED_MILLI)
                .firstResultOptional();
    }

    /** Mail to one address, newest first: for tests and for support questions ("did we write to …?"). */
    public static List<OutboxMail> listTo(String recipient) {
        return list("lower(recipient) = lower(?1) order by id desc", recipient);
    }

    /** How many mails wait: not sent and not given up. */
    public static long countWaiting(int maxAttempts) {
        return count("sentAt is null and attempts < ?1", maxAttempts);
    }
}
