package org.quillpress.mail;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.quillpress.account.Account;
import org.quillpress.account.Role;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestClock;
import org.quillpress.support.TestComments;
import org.quillpress.support.WebClient;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** "Email me about replies to my comments": replies reach a signed-in reader, batched, until one click stops them. */
@QuarkusTest
@TestProfile(MailProfile.class)
class ReplyMailTest {

    @Test
    void repliesCloseTogetherComeInOneMailThatCanStopTheNextOnesWithOneClick() {
        Discussion discussion = Discussion.start("Replies to you ");
        TestAccounts.Created reader = TestAccounts.create(Role.READER, "Replied Reader");
        // the form's "follow-up comments" box stays off: this is the account's own reply setting at work
        long mine = approved(TestComments.postAs(reader.signIn(), discussion.slug, "A thought worth answering.",
                false));

        long first = TestComments.guestComment(discussion.slug, "First Answer", TestComments.guestEmail("first"),
                null, "I agree with you.", mine);
        TestComments.approve(first);
        long second = TestComments.guestComment(discussion.slug, "Second Answer", TestComments.guestEmail("second"),
                null, "I do not.", mine);
        TestComments.approve(second);

        // both wait together for a few minutes, as one mail
        List<OutboxMail> waiting = outboxTo(reader.email());
        assertThat(waiting).singleElement().satisfies(mail -> {
            assertThat(mail.sentAt).isNull();
            assertThat(mail.subject).isEqualTo("2 replies to your comments on " + siteTitle());
        });
        TestClock.current().advance(CommentMails.REPLY_BATCH.plusSeconds(1));
        MimeMessage mail = Inbox.await(reader.email(), "2 replies to your comments", 1).get(0);
        String text = Inbox.text(mail);
        assertThat(text).contains("First Answer replied to your comment on \"" + discussion.title + "\"")
                .contains("I agree with you.").contains("I do not.")
                .contains(Discussion.siteUrl() + "/posts/" + discussion.slug + "#comment-" + second);
        String optOut = optOutLink(text);
        assertThat(Inbox.header(mail, "List-Unsubscribe")).isEqualTo("<" + Discussion.siteUrl() + optOut + ">");
        assertThat(Inbox.header(mail, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");

        // the link shows a button; the mail program's one-click POST turns reply mail off, without a redirect
        assertThat(WebClient.anonymous().get(optOut).asString()).contains("Stop these mails")
                .contains("action=\"" + optOut + "\"");
        Response oneClick = given().redirects().follow(false).multiPart("List-Unsubscribe", "One-Click").post(optOut);
        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(oneClick.asString()).contains("Reply mail is off");
        assertThat(QuarkusTransaction.requiringNew()
                .call(() -> Account.<Account> findById(reader.principal().id()).notifyReplies)).isFalse();

        long third = TestComments.guestComment(discussion.slug, "Third Answer", TestComments.guestEmail("third"), null,
                "Anyone?", mine);
        TestComments.approve(third);
        assertThat(outboxTo(reader.email())).hasSize(1);
    }

    @Test
    void aReaderIsNotToldOfTheirOwnReplyAndAForgedLinkLeadsNowhere() {
        Discussion discussion = Discussion.start("Own reply ");
        TestAccounts.Created reader = TestAccounts.create(Role.READER, "Self Replier");
        WebClient signedIn = reader.signIn();
        long mine = approved(TestComments.postAs(signedIn, discussion.slug, "First.", false));
        TestClock.current().advance(java.time.Duration.ofMinutes(1));
        Response own = signedIn.json().body(java.util.Map.of("body", "And a follow-up.", "parentId", mine))
                .post("/api/v1/posts/" + discussion.slug + "/comments");
        TestComments.created(own);
        assertThat(outboxTo(reader.email())).isEmpty();

        String forged = "/subscriptions/replies/" + reader.principal().id() + ".bm90LWEtc2lnbmF0dXJl/off";
        assertThat(WebClient.anonymous().get(forged).statusCode()).isEqualTo(404);
        given().redirects().follow(false).multiPart("List-Unsubscribe", "One-Click").post(forged).then()
                .statusCode(404);
        assertThat(QuarkusTransaction.requiringNew()
                .call(() -> Account.<Account> findById(reader.principal().id()).notifyReplies)).isTrue();
    }

    /** A reader's first comment may be held: the reply needs it shown. */
    private static long approved(Response posted) {
        long id = TestComments.created(posted);
        if (!"APPROVED".equals(posted.jsonPath().getString("status"))) {
            TestComments.approve(id);
        }
        return id;
    }

    private static List<OutboxMail> outboxTo(String email) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMail.listTo(email));
    }

    private static String siteTitle() {
        return QuarkusTransaction.requiringNew()
                .call(() -> io.quarkus.arc.Arc.container().instance(org.quillpress.site.SiteSettings.class).get()
                        .current().title());
    }

    private static String optOutLink(String text) {
        Matcher m = Pattern
                .compile(Pattern.quote(Discussion.siteUrl()) + "(/subscriptions/replies/[0-9]+\\.[A-Za-z0-9_-]+/off)")
                .matcher(text);
        assertThat(m.find()).as("a stop link in:%n%s", text).isTrue();
        return m.group(1);
    }
}
