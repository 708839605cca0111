package org.quillpress.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.ConfigProvider;
import org.quillpress.account.Role;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestComments;
import org.quillpress.support.TestPosts;

import io.restassured.response.Response;

/** A post with its author and a moderator, and guests commenting on it through the JSON API. */
final class Discussion {

    final TestAccounts.Created author;
    final TestAccounts.Created moderator;
    final String title;
    final String slug;

    private Discussion(String title, String body) {
        author = TestAccounts.create(Role.AUTHOR, "Post Author");
        moderator = TestAccounts.create(Role.MODERATOR, "Moderator");
        this.title = title;
        slug = TestPosts.publish(author.principal(), title, body, List.of());
    }

    static Discussion start(String titlePrefix) {
        return new Discussion(TestPosts.unique(titlePrefix), "What do you think?");
    }

    static Discussion startTitled(String title) {
        return new Discussion(title, "What do you think?");
    }

    static String siteUrl() {
        return ConfigProvider.getConfig().getValue("quillpress.site-url", String.class);
    }

    /** A guest's comment; a guest's first comment is held for moderation. Returns its id. */
    long guestComments(String name, String email, String body, boolean notifyReplies) {
        return TestComments.created(post(name, email, body, notifyReplies));
    }

    Response post(String name, String email, String body, Boolean notifyReplies) {
        return TestComments.postAsGuest(slug, name, email, null, body, null, notifyReplies);
    }

    /** The path of the first link to {@code /subscriptions/…/{action}} in a mail's text. */
    static String subscriptionLink(String text, String action) {
        Matcher m = Pattern.compile(Pattern.quote(siteUrl()) + "(/subscriptions/[A-Za-z0-9_-]{43}/" + action + ")")
                .matcher(text);
        assertThat(m.find()).as("a %s link in:%n%s", action, text).isTrue();
        return m.group(1);
    }
}
