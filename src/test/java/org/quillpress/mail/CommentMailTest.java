package org.quillpress.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.quillpress.account.Role;
import org.quillpress.comment.CommentService;
import org.quillpress.comment.CommentSubmission;
import org.quillpress.comment.Writer;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestClock;
import org.quillpress.support.TestComments;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** Who hears about a comment, read from what a real SMTP server received. */
@QuarkusTest
@TestProfile(MailProfile.class)
class CommentMailTest {

    @Test
    void aHeldCommentMailsEveryModeratorWithTheQueueLinkAndTheReason() {
        // the owner has heard of other tests' held comments: past the digest window, this one is a mail of its own
        TestClock.current().advance(Duration.ofMinutes(16));
        Discussion discussion = Discussion.start("Held for moderation ");
        TestAccounts.Created second = TestAccounts.create(Role.MODERATOR, "Second Moderator");
        String guest = TestComments.guestEmail("first-timer");

        long id = discussion.guestComments("First Timer", guest, "Hello, I am new here.", false);

        String subject = "New comment awaiting moderation on " + discussion.title;
        for (String moderator : List.of(discussion.moderator.email(), second.email(), TestAccounts.OWNER_EMAIL)) {
            MimeMessage mail = Inbox.exactly(moderator, subject, 1).get(0);
            String text = Inbox.text(mail);
            assertThat(text).contains(Discussion.siteUrl() + "/moderation/comments/" + id)
                    .contains("first comment from this email").contains("First Timer")
                    .contains("Hello, I am new here.")
                    // a reader's address is never in a mail to anybody else
                    .doesNotContain(guest);
            assertThat(Inbox.html(mail)).contains("href=\"" + Discussion.siteUrl() + "/moderation/comments/" + id + "\"")
                    .contains("<li>first comment from this email</li>").doesNotContain(guest);
        }
        // neither the post's author nor the writer hears of a held comment
        Inbox.exactly(discussion.author.email(), discussion.title, 0);
        Inbox.exactly(guest, "", 0);
    }

    @Test
    void approvalMailsThePostAuthorAndTheWriterWhoAskedToHear() {
        Discussion discussion = Discussion.start("Approved comments ");
        String asked = TestComments.guestEmail("asked");
        String silent = TestComments.guestEmail("silent");
        long first = discussion.guestComments("Asking Reader", asked, "Tell me when this is up.", true);
        long second = discussion.guestComments("Quiet Reader", silent, "No mail for me, thanks.", false);
        Inbox.await(discussion.moderator.email(), discussion.title, 2);

        TestComments.approve(first);
        TestComments.approve(second);

        List<MimeMessage> toAuthor = Inbox.exactly(discussion.author.email(), "New comment on " + discussion.title, 2);
        assertThat(toAuthor).extracting(Inbox::text).anySatisfy(t -> assertThat(t).contains("Asking Reader")
                .contains(Discussion.siteUrl() + "/posts/" + discussion.slug + "#comment-" + first)
                .doesNotContain(asked))
                .anySatisfy(t -> assertThat(t).contains("Quiet Reader")
                        .contains(Discussion.siteUrl() + "/posts/" + discussion.slug + "#comment-" + second)
                        .doesNotContain(silent));
        MimeMessage approved = Inbox.exactly(asked, "Your comment was approved", 1).get(0);
        assertThat(Inbox.text(approved)).contains(discussion.title)
                .contains(Discussion.siteUrl() + "/posts/" + discussion.slug + "#comment-" + first);
        Inbox.exactly(silent, "", 0);
        // the asking guest has not confirmed the subscription yet: no mail about the other comment
        Inbox.exactly(asked, "New reply", 0);
    }

    @Test
    void theAuthorIsNotToldOfTheirOwnCommentNorIsAnyoneToldTwiceAfterReapproval() {
        Discussion discussion = Discussion.start("Own comments ");
        Response own = TestComments.postAs(discussion.author.signIn(), discussion.slug, "Thanks for reading, everyone.",
                false);
        assertThat(own.statusCode()).isEqualTo(201);
        assertThat(own.jsonPath().getString("status")).isEqualTo("APPROVED");

        String guest = TestComments.guestEmail("twice");
        long id = discussion.guestComments("Twice Approved", guest, "Approve me once.", true);
        TestComments.approve(id);
        Inbox.await(discussion.author.email(), "New comment on " + discussion.title, 1);
        // taken back and approved again: the same comment is not news a second time
        WebClientMod.act(discussion, id, "unapprove");
        TestComments.approve(id);

        Inbox.exactly(discussion.author.email(), "New comment on " + discussion.title, 1);
        Inbox.exactly(guest, "Your comment was approved", 1);
    }

    @Test
    void scriptInACommentIsOnlyTextInEveryMail() {
        Discussion discussion = Discussion.startTitled("Escaping <em>titles</em> " + System.nanoTime());
        String guest = TestComments.guestEmail("mallory");
        String name = "<script>alert('name')</script>Mallory";
        long id = discussion.guestComments(name, guest,
                "Look: <script>alert('body')</script> <img src=x onerror=alert(1)> [x](javascript:alert(2))", false);

        MimeMessage held = Inbox.exactly(discussion.moderator.email(), "New comment awaiting moderation", 1).stream()
                .filter(m -> Inbox.subject(m).contains("Escaping")).findFirst().orElseThrow();
        TestComments.approve(id);
        MimeMessage toAuthor = Inbox.exactly(discussion.author.email(), "New comment on", 1).get(0);

        for (MimeMessage mail : List.of(held, toAuthor)) {
            String html = Inbox.html(mail);
            assertThat(html).doesNotContainPattern(Pattern.compile("(?i)<script"))
                    .doesNotContainPattern(Pattern.compile("(?i)<img[^>]*onerror"))
                    .doesNotContainPattern(Pattern.compile("(?i)href=\"javascript:"))
                    .doesNotContainPattern(Pattern.compile("(?i)<em>titles"))
                    .contains("&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;Mallory")
                    .contains("Escaping &lt;em&gt;titles&lt;/em&gt;");
            // the text part is shown as text: there the writer's words stand as they wrote them
            assertThat(Inbox.text(mail)).contains(name);
        }
    }

    @Test
    void aRefusedCommentWritesNoMail() {
        Discussion discussion = Discussion.start("Refused ");
        String guest = TestComments.guestEmail("refused");

        Response refused = discussion.post("Empty Body", guest, "", true);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxMail.listTo(guest))).isEmpty();
        assertThat(QuarkusTransaction.requiringNew()
                .call(() -> OutboxMail.count("subject like ?1", "%" + discussion.title + "%"))).isZero();
        Inbox.exactly(guest, "", 0);
        Inbox.exactly(discussion.moderator.email(), discussion.title, 0);
    }

    @Test
    void mailIsWrittenInTheCommentsTransactionAndRolledBackWithIt() {
        Discussion discussion = Discussion.start("Rolled back ");
        String guest = TestComments.guestEmail("rollback");
        CommentService comments = Arc.container().instance(CommentService.class).get();

        long written;
        QuarkusTransaction.begin();
        try {
            comments.submit(discussion.slug,
                    new CommentSubmission("Never stored.", null, "Rolled Back", guest, null, true, null, null, false),
                    new Writer(Optional.empty(), "198.51.100.7", "test"));
            written = OutboxMail.count("subject like ?1", "%" + discussion.title + "%");
        } finally {
            QuarkusTransaction.rollback();
        }

        // inside the transaction: the moderators' mails and the guest's confirmation were there
        assertThat(written).isGreaterThanOrEqualTo(3);
        assertThat(QuarkusTransaction.requiringNew()
                .call(() -> OutboxMail.count("subject like ?1", "%" + discussion.title + "%"))).isZero();
        Inbox.exactly(guest, "", 0);
        Inbox.exactly(discussion.moderator.email(), discussion.title, 0);
    }

    /** Moderation actions other than approve. */
    static final class WebClientMod {
        static void act(Discussion discussion, long id, String action) {
            Response response = discussion.moderator.signIn().json()
                    .post("/api/v1/moderation/comments/" + id + "/" + action);
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        }
    }
}
