package org.quillpress.mail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
     * Ids of unsent mails that are due and not given up, oldest first; read without locks. They are then
     * claimed a few at a time with {@link #claimDue}.
     */
    public static List<Long> listDueIds(Instant now, int maxAttempts, int limit) {
        return getEntityManager().createQuery("select m.id from OutboxMail m where m.sentAt is null "
                + "and m.nextAttemptAt <= ?1 and m.attempts < ?2 order by m.nextAttemptAt, m.id", Long.class)
                .setParameter(1, now).setParameter(2, maxAttempts).setMaxResults(limit).getResultList();
    }

    /**
     * Those of these mails that are still unsent, due and not given up, locked for the current transaction, in
     * the order of {@code ids}. Rows that another transaction holds (another instance sending them right now)
     * are skipped rather than waited for: {@code FOR UPDATE SKIP LOCKED}, on PostgreSQL and H2 alike.
     * <p>
     * Rows by their ids, with no row limit, not "the first N due rows": with a row limit H2 applies the limit
     * before skipping locked rows, so "first due, skip locked, limit N" finds nothing there while another
     * instance holds the first N rows; PostgreSQL would skip to the next ones. By id, both behave the same.
     */
    public static List<OutboxMail> claimDue(List<Long> ids, Instant now, int maxAttempts) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<OutboxMail> claimed = new ArrayList<>(
                find("id in ?1 and sentAt is null and nextAttemptAt <= ?2 and attempts < ?3", ids, now, maxAttempts)
                        .withLock(LockModeType.PESSIMISTIC_WRITE)
                        .withHint("jakarta.persistence.lock.timeout", Timeouts.SKIP_LOCKED_MILLI)
                        .<OutboxMail> list());
        claimed.sort(Comparator.comparingInt(mail -> ids.indexOf(mail.id)));
        return claimed;
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
