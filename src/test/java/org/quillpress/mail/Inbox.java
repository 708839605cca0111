package org.quillpress.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
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

import com.icegreen.greenmail.util.GreenMail;

/** What arrived at the test SMTP server, by recipient: every test reads only its own addresses. */
final class Inbox {

    /** The longest wait for a mail: a held mail is retried after 1, 2, 4… seconds. */
    static final Duration WAIT = Duration.ofSeconds(60);
    /** Several runs of the delivery job (every second): long enough for a stray second copy to arrive. */
    static final Duration SETTLE = Duration.ofSeconds(4);

    private Inbox() {
    }

    /** Mails that arrived for this address whose subject contains {@code subject}. */
    static List<MimeMessage> to(String address, String subject) {
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

    /** Waits until at least {@code count} such mails arrived. */
    static List<MimeMessage> await(String address, String subject, int count) {
        long end = System.nanoTime() + WAIT.toNanos();
        List<MimeMessage> found = to(address, subject);
        while (found.size() < count && System.nanoTime() < end) {
            sleep(Duration.ofMillis(200));
            found = to(address, subject);
        }
        assertThat(found).as("mails to %s about '%s' within %s", address, subject, WAIT).hasSizeGreaterThanOrEqualTo(
                count);
        return found;
    }

    /** Waits for {@code count} such mails, then a while longer, and checks that no more came: nothing twice. */
    static List<MimeMessage> exactly(String address, String subject, int count) {
        if (count > 0) {
            await(address, subject, count);
        }
        sleep(SETTLE);
        List<MimeMessage> found = to(address, subject);
        assertThat(found).as("mails to %s about '%s'", address, subject).hasSize(count);
        return found;
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject() == null ? "" : message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, ", ");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(MimeMessage message) {
        return part(message, "text/plain");
    }

    static String html(MimeMessage message) {
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

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
