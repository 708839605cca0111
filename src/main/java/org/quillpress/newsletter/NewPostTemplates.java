package org.quillpress.newsletter;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** This package's mails, each a text and an HTML template under {@code templates/mail/}, in the mail layout. */
@CheckedTemplate(basePath = "mail")
class NewPostTemplates {

    /** A post as a mail lists it. */
    record MailPost(String title, String url, String excerpt, String date) {
    }

    /** The two links every subscriber's mail carries: the manage page, and the one-click unsubscribe address. */
    record Links(String manageUrl, String unsubscribeUrl) {
    }

    static native TemplateInstance confirmNewPosts(String siteTitle, String confirmUrl, long validHours);

    static native TemplateInstance newPost(String siteTitle, MailPost post, Links links);

    static native TemplateInstance postDigest(String siteTitle, List<MailPost> posts, Links links);
}
