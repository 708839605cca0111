package org.quillpress.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quillpress.account.Role;
import org.quillpress.post.Post;
import org.quillpress.support.QuietJobs;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestClock;
import org.quillpress.support.TestComments;
import org.quillpress.support.TestPosts;
import org.quillpress.support.Uncached;
import org.quillpress.support.WebClient;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The post page as readers get it: the shared article and thread rendered once per change, each reader's own
 * parts per request, and a cost that follows the page of comments shown, not the post's whole discussion.
 */
@QuarkusTest
class PostPageTest {

    @Inject
    DiscussionSettings settings;

    @Inject
    EntityManagerFactory emf;

    @Inject
    TestClock clock;

    DiscussionSettings.Rules original;

    @BeforeEach
    void noWaiting() {
        original = settings.current();
        settings.save(TestComments.withoutWaiting(original));
    }

    @AfterEach
    void restoreRules() {
        settings.save(original);
    }

    @Test
    void aSignedInReaderTakesTheSameFewStatementsWithAHundredCommentsOrTwoThousand() {
        String hundred = discussedPost(100);
        String many = discussedPost(2000);
        WebClient reader = TestAccounts.create(Role.READER, "Counted Reader").signIn();

        assertThat(reader.get("/posts/" + many).asString()).contains("2000 comments",
                "Commenting as <strong>Counted Reader</strong>", "comment number 0<").doesNotContain("comment number 1999<");
        long few = statementsFor(reader, "/posts/" + hundred);
        long lots = statementsFor(reader, "/posts/" + many);
        assertThat(lots).isEqualTo(few);
        // whether the reader has comments of their own there; the post and its thread are shared
        assertThat(lots).isLessThanOrEqualTo(1);
    }

    @Test
    void theFirstRenderAfterAChangeReadsOnlyThePageOfThreadsShown() {
        String hundred = discussedPost(100);
        String many = discussedPost(3000);

        long few = firstRenderStatements("/posts/" + hundred);
        long lots = firstRenderStatements("/posts/" + many);
        assertThat(lots).isEqualTo(few);
        // the post with its details and neighbours (3); the counts, the page's first comments, their threads
        assertThat(lots).isLessThanOrEqualTo(6);
        assertThat(WebClient.anonymous().get(Uncached.path("/posts/" + many + "?cpage=3")).asString())
                .contains("Page 3 of ", "3000 comments").doesNotContain("comment number 0<");
    }

    @Test
    void aReadersHeldCommentAndEditLinkShowToThemAloneOthersGetTheSharedPage() {
        String slug = discussedPost(3);
        WebClient writer = TestAccounts.create(Role.READER, "Held Writer").signIn();
        WebClient other = TestAccounts.create(Role.READER, "Other Reader").signIn();
        assertThat(other.get("/posts/" + slug).asString()).contains("3 comments");

        long held = TestComments.created(TestComments.postAs(writer, slug, "Held for the writers eyes only"));

        assertThat(writer.get("/posts/" + slug).asString()).contains("Held for the writers eyes only",
                "Your comment is awaiting moderation.");
        assertThat(other.get("/posts/" + slug).asString()).doesNotContain("Held for the writers eyes only");
        assertThat(WebClient.anonymous().get(Uncached.path("/posts/" + slug)).asString())
                .doesNotContain("Held for the writers eyes only");

        TestComments.approve(held);
        assertThat(other.get("/posts/" + slug).asString()).contains("Held for the writers eyes only", "4 comments")
                .doesNotContain("/comments/" + held + "/edit");
        assertThat(writer.get("/posts/" + slug).asString()).contains("/comments/" + held + "/edit");
    }

    @Test
    void commentPagesHaveTheirOwnCanonicalAddressAndLinksWithoutScript() {
        settings.save(withPerPage(2));
        // five threads of up to four comments: three pages
        String slug = discussedPost(20);
        String last = WebClient.anonymous().get(Uncached.path("/posts/" + slug + "?cpage=2")).asString();

        assertThat(last).contains("rel=\"canonical\" href=\"" + "http", "/posts/" + slug + "?cpage=2\">")
                .contains("<a rel=\"prev\" href=\"/posts/" + slug + "#comments\">")
                .contains("<a rel=\"next\" class=\"older\" href=\"/posts/" + slug + "?cpage=3#comments\">");
        String first = WebClient.anonymous().get(Uncached.path("/posts/" + slug)).asString();
        assertThat(first).contains("/posts/" + slug + "\">").doesNotContain("?cpage=1");
    }

    /** Statements a page takes once its shared parts are built: the fewest of three requests. */
    long statementsFor(WebClient client, String path) {
        QuietJobs.awaitOutboxDrained();
        var statistics = emf.unwrap(SessionFactory.class).getStatistics();
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            statistics.clear();
            assertThat(client.get(path).statusCode()).isEqualTo(200);
            fewest = Math.min(fewest, statistics.getPrepareStatementCount());
        }
        return fewest;
    }

    /** Statements of a guest's first request for a page after a change (saving the discussion rules). */
    long firstRenderStatements(String path) {
        QuietJobs.awaitOutboxDrained();
        var statistics = emf.unwrap(SessionFactory.class).getStatistics();
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            settings.save(settings.current());
            statistics.clear();
            Response response = WebClient.anonymous().get(Uncached.path(path));
            assertThat(response.statusCode()).isEqualTo(200);
            fewest = Math.min(fewest, statistics.getPrepareStatementCount());
        }
        return fewest;
    }

    DiscussionSettings.Rules withPerPage(int perPage) {
        DiscussionSettings.Rules r = settings.current();
        return new DiscussionSettings.Rules(r.threadDepth(), r.editWindowMinutes(), r.closeAfterDays(),
                r.floodSeconds(), r.hourlyLimit(), r.minSecondsToWrite(), r.linkLimit(), r.requireApproval(),
                r.requirePriorApproval(), r.holdTerms(), r.spamTerms(), perPage);
    }

    /**
     * A published post with {@code count} approved comments in threads of up to four (a top-level comment and
     * replies each to the one before), written straight to the database for speed.
     */
    String discussedPost(int count) {
        String slug = TestPosts.publish(TestAccounts.owner(), TestPosts.unique("Paged "), "A post to page.",
                List.of());
        QuarkusTransaction.requiringNew().run(() -> {
            Post post = Post.find("slug", slug).firstResult();
            Comment parent = null;
            for (int i = 0; i < count; i++) {
                Comment c = new Comment();
                c.post = post;
                c.parent = i % 4 == 0 ? null : parent;
                c.depth = c.parent == null ? 1 : c.parent.depth + 1;
                c.path = "";
                c.authorName = "Writer " + (i % 13);
                c.bodyMarkdown = "comment number " + i;
                c.bodyHtml = "<p>comment number " + i + "</p>";
                c.status = CommentStatus.APPROVED;
                c.createdAt = clock.instant();
                c.persist();
                c.path = (c.parent == null ? "" : c.parent.path + "/") + Comment.segment(c.id);
                parent = c;
                if (i % 200 == 199) {
                    Comment.getEntityManager().flush();
                }
            }
        });
        return slug;
    }
}
