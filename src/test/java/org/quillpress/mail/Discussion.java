package org.quillpress.mail;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.ConfigProvider;
import org.quillpress.account.Role;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestPosts;
import org.quillpress.support.WebClient;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** A post with its author and a moderator, and guests commenting on it through the JSON API. */
final class Discussion {

    private static final AtomicInteger GUESTS = new AtomicInteger();

    final TestAccounts.Created author;
    final TestAccounts.Created moderator;
    final String title;
    final String slug;
    private WebClient moderatorClient;

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

    /** A new guest address: flood control allows one comment per address and email every 15 s. */
    static String guestEmail(String who) {
        return who + GUESTS.incrementAndGet() + "-" + System.nanoTime() + "@readers.test";
    }

    static String siteUrl() {
        return ConfigProvider.getConfig().getValue("quillpress.site-url", String.class);
    }

    /** A guest's comment; a guest's first comment is held for moderation. Returns its id. */
    long guestComments(String name, String email, String body, boolean notifyReplies) {
        Response response = post(name, email, body, notifyReplies);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        return response.jsonPath().getLong("id");
    }

    Response post(String name, String email, String body, Boolean notifyReplies) {
        Map<String, Object> json = new HashMap<>();
        json.put("name", name);
        json.put("email", email);
        json.put("body", body);
        json.put("notifyReplies", notifyReplies);
        return given().contentType(ContentType.JSON).accept(ContentType.JSON).body(json)
                .post("/api/v1/posts/" + slug + "/comments");
    }

    void approve(long commentId) {
        if (moderatorClient == null) {
            moderatorClient = moderator.signIn();
        }
        Response response = moderatorClient.json().post("/api/v1/moderation/comments/" + commentId + "/approve");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
    }

    /** The path of the first link to {@code /subscriptions/…/{action}} in a mail's text. */
    static String subscriptionLink(String text, String action) {
        Matcher m = Pattern.compile(Pattern.quote(siteUrl()) + "(/subscriptions/[A-Za-z0-9_-]{43}/" + action + ")")
                .matcher(text);
        assertThat(m.find()).as("a %s link in:%n%s", action, text).isTrue();
        return m.group(1);
    }
}
