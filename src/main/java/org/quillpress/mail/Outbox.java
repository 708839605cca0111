package org.quillpress.mail;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Writes mail into the outbox. Only inside the caller's transaction: the mail then commits or rolls
 * back with what caused it, and {@link MailDelivery} sends it later.
 */
@ApplicationScoped
public class Outbox {

    static final int MAX_RECIPIENT = 254;
    static final int MAX_SUBJECT = 300;
    static final int MAX_TEXT = 100_000;
    static final int MAX_HTML = 200_000;
    static final int MAX_LIST_UNSUBSCRIBE = 1000;

    @Inject
    Clock clock;

    /**
     * Queues one mail. {@code html} and {@code listUnsubscribeUrl} may be null; the latter is set on
     * subscription mail, which then carries the List-Unsubscribe and one-click headers.
     */
    @Transactional(TxType.MANDATORY)
    public OutboxMail enqueue(String recipient, String subject, String text, String html, String listUnsubscribeUrl) {
        if (recipient == null || recipient.isBlank() || recipient.length() > MAX_RECIPIENT) {
            throw new IllegalArgumentException("A mail needs one recipient address of at most 254 characters");
        }
        if (listUnsubscribeUrl != null && listUnsubscribeUrl.length() > MAX_LIST_UNSUBSCRIBE) {
            throw new IllegalArgumentException("The unsubscribe address is too long for the List-Unsubscribe header");
        }
        OutboxMail mail = new OutboxMail();
        mail.recipient = recipient.strip();
        mail.subject = cut(oneLine(subject), MAX_SUBJECT);
        mail.bodyText = cut(text, MAX_TEXT);
        // a cut HTML body could end inside a tag: leave it out, the text part says the same
        mail.bodyHtml = html == null || html.length() > MAX_HTML ? null : html;
        mail.listUnsubscribe = listUnsubscribeUrl;
        mail.createdAt = clock.instant();
        mail.nextAttemptAt = mail.createdAt;
        mail.attempts = 0;
        mail.persist();
        return mail;
    }

    /** A header value never spans lines: a line break in a title would otherwise start a new header. */
    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    static String cut(String s, int max) {
        if (s == null) {
            return "";
        }
        if (s.length() <= max) {
            return s;
        }
        int end = max - 1;
        // never split a surrogate pair
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "…";
    }
}
