package org.quillpress.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.quillpress.QuillpressConfig;

/** Absolute addresses for mail: a link in a mail is read away from the site, so it must be whole. */
@ApplicationScoped
class MailLinks {

    @Inject
    QuillpressConfig config;

    /** The configured base URL without trailing slashes. */
    String base() {
        String url = config.siteUrl().strip();
        int end = url.length();
        while (end > 0 && url.charAt(end - 1) == '/') {
            end--;
        }
        return url.substring(0, end);
    }

    String post(String slug) {
        return base() + "/posts/" + slug;
    }

    String comment(String slug, long commentId) {
        return post(slug) + "#comment-" + commentId;
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
