package org.quillpress.mail;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;

/**
 * The mails, each a pair of templates under {@code templates/mail/}: {@code name.txt} for the plain
 * text part and {@code name.html} for the HTML part. Qute escapes every value in the HTML part; the
 * text part is shown as text by every mail client, so nothing in it can run. Features with mails of their own
 * declare their templates beside theirs and render them with {@link #render}, for the outbox.
 */
@CheckedTemplate(basePath = "mail")
public class MailTemplates {

    /** A comment as a mail shows it: who wrote it, what they wrote, and where to read it. */
    record MailComment(String writer, String text, String html, String url) {
    }

    /** A reply to the reader, with the title of the post it is on. */
    record Reply(String postTitle, MailComment comment) {
    }

    /** A mail's two parts. */
    public record Rendered(String text, String html) {
    }

    static native TemplateInstance heldForModeration(String siteTitle, String postTitle, MailComment comment,
            List<String> reasons, String queueUrl);

    static native TemplateInstance newComment(String siteTitle, String postTitle, MailComment comment);

    static native TemplateInstance commentApproved(String siteTitle, String postTitle, MailComment comment);

    static native TemplateInstance newReply(String siteTitle, String postTitle, MailComment comment, String unsubscribeUrl);

    static native TemplateInstance repliesToYou(String siteTitle, List<Reply> replies, String optOutUrl);

    static native TemplateInstance confirmSubscription(String siteTitle, String postTitle, String postUrl,
            String confirmUrl);

    static native TemplateInstance passwordReset(String siteTitle, String resetUrl, long validMinutes);

    static native TemplateInstance invitation(String siteTitle, String inviter, String role, String acceptUrl,
            long validDays);

    static native TemplateInstance confirmSignUp(String siteTitle, String confirmUrl, long validHours);

    /** Renders both variants of a mail's template, as the Qute mailer would. */
    public static Rendered render(TemplateInstance mail) {
        return new Rendered(variant(mail, Variant.TEXT_PLAIN), variant(mail, Variant.TEXT_HTML));
    }

    private static String variant(TemplateInstance instance, String contentType) {
        Object variants = instance.getAttribute(TemplateInstance.VARIANTS);
        if (variants instanceof List<?> list) {
            for (Object v : list) {
                if (v instanceof Variant variant && contentType.equals(variant.getContentType())) {
                    return instance.setAttribute(TemplateInstance.SELECTED_VARIANT, variant).render();
                }
            }
        }
        throw new IllegalStateException("The mail template has no " + contentType + " variant");
    }
}
