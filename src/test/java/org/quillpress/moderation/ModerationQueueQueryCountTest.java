package org.quillpress.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quillpress.moderation.ModerationFixtures.post;
import static org.quillpress.support.TestComments.approve;
import static org.quillpress.support.TestComments.guestComment;
import static org.quillpress.support.TestComments.guestEmail;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.quillpress.account.Role;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestComments;
import org.quillpress.support.WebClient;

import io.quarkus.test.junit.QuarkusTest;

/** The queue's SQL statements must not grow with its entries (no query per comment or per writer). */
@QuarkusTest
class ModerationQueueQueryCountTest {

    @Inject
    EntityManagerFactory emf;

    @Inject
    ModerationService moderation;

    /** Statements for one request; the lowest of three, since timed jobs also query now and then. */
    long statementsFor(WebClient client, String path, int expectedEntries) {
        org.quillpress.support.QuietJobs.awaitOutboxDrained();
        var statistics = emf.unwrap(SessionFactory.class).getStatistics();
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            client.get(path);
            statistics.clear();
            String page = client.get(path).asString();
            fewest = Math.min(fewest, statistics.getPrepareStatementCount());
            assertThat(page.split("<li id=\"entry-", -1)).hasSize(expectedEntries + 1);
        }
        return fewest;
    }

    /**
     * A post whose queue holds {@code guests} guest comments, half of them replies to an approved comment, a
     * reader's comment, and one comment a moderator has already sent back to pending.
     */
    String postWithQueue(int guests) {
        String slug = post("Queue of " + guests + " ");
        long parent = guestComment(slug, "Parent", guestEmail("parent"), "An approved comment with **replies**.");
        approve(parent);
        for (int i = 0; i < guests; i++) {
            guestComment(slug, "Guest " + i, guestEmail("g" + i), null, "Comment number " + i + ".",
                    i % 2 == 0 ? parent : null);
        }
        WebClient reader = TestAccounts.create(Role.READER, "Queued Reader").signIn();
        TestComments.created(TestComments.postAs(reader, slug, "A reader's first comment."));
        long unapproved = guestComment(slug, "Unapproved", guestEmail("unapproved"), "Approved, then not.");
        approve(unapproved);
        moderation.apply(unapproved, ModerationService.Action.UNAPPROVE, TestAccounts.owner(), "second look");
        return slug;
    }

    @Test
    void theQueueTakesTheSameStatementsForThreeEntriesOrThirty() {
        WebClient moderator = TestAccounts.create(Role.MODERATOR, "Counting Moderator").signIn();
        String few = postWithQueue(3);
        String many = postWithQueue(30);

        long forFew = statementsFor(moderator, "/moderation?post=" + few, 3 + 2);
        long forMany = statementsFor(moderator, "/moderation?post=" + many, 30 + 2);

        assertThat(forMany).isEqualTo(forFew);
        // one count per tab (four); the page with posts, parents and accounts; the writers' histories (accounts
        // and emails in one statement); the last decisions; the header's pending count
        assertThat(forFew).isLessThanOrEqualTo(8);
    }
}
