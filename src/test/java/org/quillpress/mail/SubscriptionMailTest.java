package org.quillpress.mail;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.quillpress.account.Role;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestComments;
import org.quillpress.support.WebClient;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** "Notify me of follow-up comments": double opt-in for guests, and one-click unsubscribe. */
@QuarkusTest
@TestProfile(MailProfile.class)
class SubscriptionMailTest {

    @Test
    void aGuestConfirmsFirstThenGetsRepliesUntilUnsubscribingWithOneClick() {
        Discussion discussion = Discussion.start("Follow-up ");
        String mailClientUser = TestComments.guestEmail("oneclick");
        String browserUser = TestComments.guestEmail("browser");
        discussion.guestComments("One Click", mailClientUser, "Keep me posted.", true);
        discussion.guestComments("Browser User", browserUser, "Me too.", true);

        // 1. a confirmation mail, and nothing else until it is used
        String confirmSubject = "Confirm your subscription to comments on " + discussion.title;
        String confirmOne = Discussion.subscriptionLink(
                Inbox.text(Inbox.await(mailClientUser, confirmSubject, 1).get(0)), "confirm");
        String confirmTwo = Discussion.subscriptionLink(
                Inbox.text(Inbox.await(browserUser, confirmSubject, 1).get(0)), "confirm");
        long early = discussion.guestComments("Early Bird", TestComments.guestEmail("early"), "Before they confirm.",
                false);
        TestComments.approve(early);
        Inbox.await(discussion.author.email(), "New comment on " + discussion.title, 1);
        Inbox.exactly(mailClientUser, "", 1);
        Inbox.exactly(browserUser, "", 1);

        // 2. confirming is following the link; following it again changes nothing
        for (String confirm : new String[] { confirmOne, confirmTwo, confirmOne }) {
            Response page = WebClient.anonymous().get(confirm);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.asString()).contains("Subscription confirmed").contains(discussion.title);
            assertThat(page.header("Cache-Control")).contains("no-store");
        }

        // 3. a new approved comment by someone else reaches both, with a working one-click link
        long reply = discussion.guestComments("Replier", TestComments.guestEmail("replier"), "A reply worth reading.",
                false);
        TestComments.approve(reply);
        String replySubject = "New reply on " + discussion.title;
        MimeMessage toMailClient = Inbox.exactly(mailClientUser, replySubject, 1).get(0);
        MimeMessage toBrowser = Inbox.exactly(browserUser, replySubject, 1).get(0);
        String unsubscribeOne = Discussion.subscriptionLink(Inbox.text(toMailClient), "unsubscribe");
        String unsubscribeTwo = Discussion.subscriptionLink(Inbox.text(toBrowser), "unsubscribe");
        assertThat(unsubscribeOne).isNotEqualTo(unsubscribeTwo);
        assertThat(Inbox.text(toMailClient)).contains("A reply worth reading.")
                .contains(Discussion.siteUrl() + "/posts/" + discussion.slug + "#comment-" + reply)
                .doesNotContain(browserUser);
        assertThat(Inbox.html(toMailClient)).contains("href=\"" + Discussion.siteUrl() + unsubscribeOne + "\"");
        assertThat(Inbox.header(toMailClient, "List-Unsubscribe")).isEqualTo("<" + Discussion.siteUrl() + unsubscribeOne + ">");
        assertThat(Inbox.header(toMailClient, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        // the reply's writer did not subscribe, and the post's author heard of it once, as its author
        Inbox.exactly(discussion.author.email(), replySubject, 0);

        // 4. opening the link only shows a page with a button
        for (int i = 0; i < 2; i++) {
            Response page = WebClient.anonymous().get(unsubscribeOne);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.asString()).contains("Stop these mails").contains("action=\"" + unsubscribeOne + "\"");
        }
        assertThat(subscriptionExists(unsubscribeOne)).isTrue();

        // 5. the mail program's one-click POST: a multipart form, no cookie, no CSRF token, no redirect
        Response oneClick = given().redirects().follow(false).multiPart("List-Unsubscribe", "One-Click")
                .post(unsubscribeOne);
        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(oneClick.header("Location")).isNull();
        assertThat(oneClick.asString()).contains("You are unsubscribed").contains(discussion.title);
        assertThat(subscriptionExists(unsubscribeOne)).isFalse();

        // 6. a person presses the page's button: the form as the page has it, sent by a browser with cookies
        WebClient browser = WebClient.anonymous();
        String page = browser.get(unsubscribeTwo).asString();
        Matcher form = Pattern.compile("<form action=\"([^\"]+)\" method=\"post\">\\s*<input type=\"hidden\" "
                + "name=\"([^\"]+)\" value=\"([^\"]+)\">").matcher(page);
        assertThat(form.find()).as(page).isTrue();
        Response pressed = browser.postFormWithoutToken(form.group(1), Map.of(form.group(2), form.group(3)));
        assertThat(pressed.statusCode()).isEqualTo(200);
        assertThat(pressed.asString()).contains("You are unsubscribed");
        assertThat(subscriptionExists(unsubscribeTwo)).isFalse();

        // 7. no more mail to either, and the used links now lead nowhere
        long later = discussion.guestComments("Later Replier", TestComments.guestEmail("later"), "Anyone still here?",
                false);
        TestComments.approve(later);
        Inbox.await(discussion.author.email(), "New comment on " + discussion.title, 3);
        Inbox.exactly(mailClientUser, replySubject, 1);
        Inbox.exactly(browserUser, replySubject, 1);
        assertThat(given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("List-Unsubscribe", "One-Click").post(unsubscribeOne).statusCode()).isEqualTo(404);
        assertThat(WebClient.anonymous().get(unsubscribeTwo).statusCode()).isEqualTo(404);
    }

    @Test
    void aSignedInReaderIsSubscribedWithoutConfirming() {
        Discussion discussion = Discussion.start("Signed-in follow-up ");
        TestAccounts.Created reader = TestAccounts.create(Role.READER, "Signed Reader");
        Response own = TestComments.postAs(reader.signIn(), discussion.slug, "Subscribe me, I have an account.", true);
        assertThat(own.statusCode()).as(own.asString()).isEqualTo(201);

        long reply = discussion.guestComments("Guest Replier", TestComments.guestEmail("guest"), "Hello reader.", false);
        TestComments.approve(reply);

        MimeMessage mail = Inbox.exactly(reader.email(), "New reply on " + discussion.title, 1).get(0);
        assertThat(Inbox.text(mail)).contains("Hello reader.");
        Inbox.exactly(reader.email(), "Confirm your subscription", 0);
    }

    @Test
    void unknownTokensAnswerNotFound() {
        String token = Subscriptions.newToken();
        for (String path : new String[] { "/subscriptions/" + token + "/confirm",
                "/subscriptions/" + token + "/unsubscribe" }) {
            Response response = WebClient.anonymous().get(path);
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.contentType()).startsWith("text/html");
            assertThat(response.asString()).contains("Not found");
        }
        Response post = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("List-Unsubscribe", "One-Click").post("/subscriptions/" + token + "/unsubscribe");
        assertThat(post.statusCode()).isEqualTo(404);
        assertThat(post.asString()).contains("Not found");
        Response malformed = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("List-Unsubscribe", "One-Click").post("/subscriptions/not%2Fa%20token/unsubscribe");
        assertThat(malformed.statusCode()).isEqualTo(404);
    }

    private static boolean subscriptionExists(String link) {
        String token = link.split("/")[2];
        return QuarkusTransaction.requiringNew().call(() -> Subscription.findByToken(token).isPresent());
    }
}
