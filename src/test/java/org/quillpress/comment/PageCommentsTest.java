package org.quillpress.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quillpress.post.PostInput;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestClock;
import org.quillpress.support.TestComments;
import org.quillpress.support.TestPosts;
import org.quillpress.support.Uncached;
import org.quillpress.support.WebClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Standalone pages have a discussion like posts, and live under their parent pages' addresses. */
@QuarkusTest
class PageCommentsTest {

    @Inject
    TestClock clock;

    private static String page(String title, String parent) {
        return TestPosts.save(TestAccounts.owner(), new PostInput(title, "Text of " + title + ".", null, List.of(),
                null, null, "PUBLISHED", null, true, null, "PAGE", parent, null));
    }

    private static Response get(String path) {
        return WebClient.anonymous().get(Uncached.path(path));
    }

    private static void assertMoved(String from, String to) {
        Response response = get(from);
        assertThat(response.statusCode()).as(from).isEqualTo(301);
        assertThat(response.header("Location")).as(from).endsWith(to);
    }

    @Test
    void aPageShowsItsCommentsAndTheFormAndACommentLeadsBackToThePage() {
        String slug = page(TestPosts.unique("Guestbook "), null);
        assertThat(get("/" + slug).asString()).contains("id=\"comment-form\"").contains("No comments yet");

        WebClient guest = WebClient.anonymous();
        Map<String, Object> form = new HashMap<>(CommentsTest.hiddenFields(guest.get("/" + slug).asString()));
        form.put("body", "Signed the guestbook.");
        form.put("name", "Visiting Guest");
        form.put("email", TestComments.guestEmail("visitor"));
        // a person takes a while to write; a form sent at once is a bot's
        clock.advance(Duration.ofMinutes(1));
        Response posted = guest.keep(guest.request().contentType(ContentType.URLENC).formParams(form)
                .post("/posts/" + slug + "/comments"));
        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(posted.header("Location")).matches(".*/" + slug + "#comment-\\d+");
        long id = Long.parseLong(posted.header("Location").replaceAll(".*#comment-", ""));
        TestComments.approve(id);

        assertThat(get("/" + slug).asString()).contains("id=\"comment-" + id + "\"").contains("Signed the guestbook.");
    }

    @Test
    void commentLinksInFeedsAndOldPostAddressesLeadToThePage() {
        String slug = page(TestPosts.unique("Visitors "), null);
        long id = TestComments.guestComment(slug, "Feed Guest", TestComments.guestEmail("feed"), "Lovely page.");
        // held as a first comment: the moderation queue links it to the page
        assertThat(WebClient.owner().get("/moderation?post=" + slug).asString())
                .contains("Comment #" + id + "</a> on <a href=\"/" + slug + "\">");
        TestComments.approve(id);

        assertThat(get("/posts/" + slug + "/comments/feed").asString())
                .contains("/" + slug + "#comment-" + id).doesNotContain("/posts/" + slug + "#comment");
        assertThat(get("/comments/feed").asString()).contains("/" + slug + "#comment-" + id);
        assertMoved("/posts/" + slug, "/" + slug);
    }

    @Test
    void aChildPageLivesUnderItsParentsAddress() {
        String about = page(TestPosts.unique("About "), null);
        String team = page(TestPosts.unique("Team "), about);
        String nested = "/" + about + "/" + team;

        Response child = get(nested);
        assertThat(child.statusCode()).isEqualTo(200);
        assertThat(child.asString()).contains("Text of Team");

        assertMoved("/" + team, nested);
        assertMoved(nested + "/", nested);
        assertMoved("/" + about + "/", "/" + about);
        assertMoved("/somewhere-else/" + team, nested);
        assertThat(get("/" + about + "/no-such-page").statusCode()).isEqualTo(404);

        assertThat(get("/").asString()).contains("href=\"" + nested + "\"");
        assertThat(org.quillpress.support.Sitemaps.everything()).contains(nested + "<");
    }
}
