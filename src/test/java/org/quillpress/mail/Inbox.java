package org.quillpress.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.awaitility.Awaitility;
import org.quillpress.QuillpressConfig;
import org.quillpress.support.TestClock;

import com.icegreen.greenmail.util.GreenMail;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * What arrived at the test SMTP server, by recipient: every test reads only its own addresses. Public for the mail
 * tests of other packages (newsletter).
 */
public final class Inbox {

    /**
     * The longest wait for a mail to arrive. Delivery is triggered here as well as by the job, so it is
     * generous only for a busy machine.
     */
    static final Duration WAIT = Duration.ofMinutes(2);

    private Inbox() {
    }

    /** Mails that arrived for this address whose subject contains {@code subject}. */
    public static List<MimeMessage> to(String address, String subject) {
        GreenMail server = GreenMailResource.server();
        List<MimeMessage> found = new ArrayList<>();
        if (server == null) {
            return found;
        }
        for (MimeMessage message : server.getReceivedMessages()) {
            if (addressedTo(message, address) && subject(message).contains(subject)) {
                found.add(message);
            }
        }
        return found;
    }

    /** Waits until at least {@code count} such mails arrived, delivering what is due meanwhile. */
    public static List<MimeMessage> await(String address, String subject, int count) {
        return Awaitility.await("mails to %s about '%s'".formatted(address, subject)).atMost(WAIT)
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    retryFailedNow(address);
                    delivery().deliverDue();
                    return to(address, subject);
                }, found -> found.size() >= count);
    }

    /**
     * Waits for {@code count} such mails and checks that no more come: nothing is sent twice. No more can come
     * once every such mail in the outbox is sent (or given up) and a delivery run after that has found nothing.
     */
    public static List<MimeMessage> exactly(String address, String subject, int count) {
        if (count > 0) {
            await(address, subject, count);
        }
        Awaitility.await("every mail to %s about '%s' sent".formatted(address, subject)).atMost(WAIT)
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    delivery().deliverDue();
                    return waiting(address, subject);
                }, waiting -> waiting == 0);
        delivery().deliverDue();
        List<MimeMessage> found = to(address, subject);
        assertThat(found).as("mails to %s about '%s'", address, subject).hasSize(count);
        return found;
    }

    /**
     * A send to this address that failed by chance (a busy machine, a pooled SMTP connection the server closed)
     * waits the profile's ten minutes for its next try, longer than a test waits: the wait passes on the clock
     * instead. A mail that keeps failing is given up after its attempts and the test still sees it missing.
     */
    private static void retryFailedNow(String address) {
        QuarkusTransaction.requiringNew().call(() -> OutboxMail.listTo(address).stream()
                .filter(m -> m.sentAt == null && m.attempts > 0).map(m -> m.nextAttemptAt).max(Instant::compareTo))
                .ifPresent(TestClock.current()::advanceTo);
    }

    /** Mails to this address about this subject that are neither sent nor given up. */
    private static long waiting(String address, String subject) {
        int maxAttempts = Arc.container().instance(QuillpressConfig.class).get().mail().maxAttempts();
        return QuarkusTransaction.requiringNew().call(() -> OutboxMail.listTo(address).stream()
                .filter(m -> m.sentAt == null && m.attempts < maxAttempts && m.subject.contains(subject)).count());
    }

    /**
     * Runs the delivery job once, now, as its timer would: for tests of other packages that wait for the outbox to
     * be sent (org.quillpress.support.QuietJobs) without waiting for the timer.
     */
    public static void deliverDue() {
        delivery().deliverDue();
    }

    private static MailDelivery delivery() {
        return Arc.container().instance(MailDelivery.class).get();
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject() == null ? "" : message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, ", ");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(MimeMessage message) {
        return part(message, "text/plain");
    }

    public static String html(MimeMessage message) {
        return part(message, "text/html");
    }

    private static String part(Part part, String type) {
        try {
            if (part.isMimeType(type)) {
                return part.getContent().toString();
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    String found = part(body, type);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            return to != null && Arrays.stream(to).anyMatch(
                    a -> a instanceof InternetAddress i && address.equalsIgnoreCase(i.getAddress()));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

}
