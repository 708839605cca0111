package org.quillpress.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.quillpress.account.Role;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestComments;
import org.quillpress.support.TestPosts;
import org.quillpress.web.SiteLanguage;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A flood of held comments is one digest for each moderator, and confirmation mail to one address is limited. */
@QuarkusTest
@TestProfile(MailProfile.class)
class ModerationDigestTest {

    @Test
    void beyondAFewHeldCommentsModeratorsGetOneDigest() {
        TestAccounts.Created moderator = TestAccounts.create(Role.MODERATOR, TestPosts.unique("Digest Mod "));
        Discussion discussion = Discussion.start("Busy queue ");
        for (int i = 0; i < 8; i++) {
            discussion.guestComments("Guest " + i, TestComments.guestEmail("busy"), "Comment number " + i, false);
        }
        List<OutboxMail> mails = QuarkusTransaction.requiringNew().call(() -> OutboxMail.listTo(moderator.email()));
        assertThat(mails).filteredOn(m -> m.subject.startsWith(SiteLanguage.messages(MailMessages.class).mailHeldSubject("")))
                .hasSize(CommentMails.FEW_HELD);
        assertThat(mails).filteredOn(m -> m.subject.equals(SiteLanguage.messages(MailMessages.class).mailDigestSubject()))
                .singleElement()
                .satisfies(digest -> {
                    assertThat(digest.bodyText).contains("5 more").contains(discussion.title).contains("/moderation");
                    assertThat(digest.sentAt).isNull();
                    assertThat(digest.nextAttemptAt).isAfter(digest.createdAt);
                });
    }

    @Test
    void oneAddressGetsOnlyAFewConfirmationMailsADay() {
        String email = TestComments.guestEmail("pestered");
        for (int i = 0; i < 5; i++) {
            String slug = TestPosts.publish(TestAccounts.owner(), TestPosts.unique("Subscribe " + i + " "), "Body.",
                    List.of());
            // past the writer's own interval between comments
            org.quillpress.support.TestClock.current().advance(java.time.Duration.ofSeconds(20));
            TestComments.created(TestComments.postAsGuest(slug, "Pestered Person", email, null, "Hi " + i, null, true));
        }
        List<OutboxMail> mails = QuarkusTransaction.requiringNew().call(() -> OutboxMail.listTo(email));
        assertThat(mails).filteredOn(m -> m.subject.startsWith("Confirm your subscription"))
                .hasSize(ConfirmationLimits.PER_ADDRESS_A_DAY);
    }
}
