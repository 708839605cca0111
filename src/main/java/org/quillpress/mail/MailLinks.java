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

    /** A post or page by its path (a page's is not under /posts). */
    String post(String path) {
        return urls.of(path);
    }

    String comment(String postPath, long commentId) {
        return post(postPath) + "#comment-" + commentId;
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

    /** Where a reply mail's reader turns reply mail off (a page, and the one-click POST). */
    String replyOptOut(String token) {
        return base() + "/subscriptions/replies/" + token + "/off";
    }
}
