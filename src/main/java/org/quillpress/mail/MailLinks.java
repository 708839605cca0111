package org.quillpress.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.quillpress.web.PublicUrls;

/** Absolute addresses for mail: a link in a mail is read away from the site, so it must be whole. */
@ApplicationScoped
class MailLinks {

    @Inject
    PublicUrls urls;

    String base() {
        return urls.base();
    }

    String post(String slug) {
        return urls.post(slug);
    }

    String comment(String slug, long commentId) {
        return post(slug) + "#comment-" + commentId;
    }

    /** The moderation queue. */
    String queue() {
        return base() + "/moderation";
    }

    /** The moderation queue's page for one comment. */
    String queueEntry(long commentId) {
        return base() + "/moderation/comments/" + commentId;
    }

    String confirm(String token) {
        return base() + "/subscriptions/" + token + "/confirm";
    }

    String unsubscribe(String token) {
        return base() + "/subscriptions/" + token + "/unsubscribe";
    }
}
