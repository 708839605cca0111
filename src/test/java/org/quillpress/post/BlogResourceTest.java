package org.quillpress.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.quillpress.account.AccountPrincipal;
import org.quillpress.account.Role;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestClock;
import org.quillpress.support.TestPosts;
import org.quillpress.support.WebClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class BlogResourceTest {

    private static String publishAt(AccountPrincipal author, String title, String body, String tag, Instant at) {
        return TestPosts.save(author, new PostInput(title, body, null, tag == null ? List.of() : List.of(tag), null,
                null, "PUBLISHED", at.toString(), true, null, null, null, null));
    }

    @Test
    void homeListsNewestPostsFirstWithExcerptsAndPagesWithoutRepeats() {
        AccountPrincipal author = TestAccounts.create(Role.AUTHOR, "Prolific Author").principal();
        String marker = TestPosts.unique("paging");
        List<String> titles = new ArrayList<>();
        Instant start = TestClock.current().instant().minusSeconds(100).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        for (int i = 0; i < 23; i++) {
            String title = marker + " number " + i;
            titles.add(title);
            publishAt(author, title, "Excerpt of " + title + ".", null, start.plusSeconds(i));
        }

        // other tests publish too: walk the pages until all of ours were seen, in order, once each
        List<String> seen = new ArrayList<>();
        String path = "/";
        for (int page = 0; page < 200 && path != null && seen.size() < titles.size(); page++) {
            String html = WebClient.anonymous().get(path).asString();
            Matcher m = Pattern.compile(Pattern.quote(marker) + " number (\\d+)</a>").matcher(html);
            while (m.find()) {
                seen.add(marker + " number " + m.group(1));
            }
            Matcher next = Pattern.compile("href=\"(/\\?before=[0-9-]+)\"").matcher(html);
            path = next.find() ? next.group(1) : null;
        }
        List<String> newestFirst = new ArrayList<>(titles);
        java.util.Collections.reverse(newestFirst);
        assertThat(seen).containsExactlyElementsOf(newestFirst);
        assertThat(WebClient.anonymous().get("/").asString()).contains("Older posts");
    }

    @Test
    void aPostLinksToItsOlderAndNewerNeighbours() {
        AccountPrincipal author = TestAccounts.create(Role.AUTHOR, "Neighbourly Author").principal();
        Instant t = TestClock.current().instant().minusSeconds(5000);
        String a = publishAt(author, TestPosts.unique("First of three "), "a", null, t);
        String b = publishAt(author, TestPosts.unique("Second of three "), "b", null, t.plusMillis(1));
        String c = publishAt(author, TestPosts.unique("Third of three "), "c", null, t.plusMillis(2));

        String middle = WebClient.anonymous().get("/posts/" + b).asString();
        assertThat(middle).contains("rel=\"prev\" href=\"/posts/" + a + "\"")
                .contains("rel=\"next\" class=\"newer\" href=\"/posts/" + c + "\"");
    }

    @Test
    void tagCategoryAuthorAndMonthArchivesListTheirPosts() {
        TestAccounts.Created writer = TestAccounts.create(Role.AUTHOR, "Archive Author");
        String tag = TestPosts.unique("tag");
        String title = TestPosts.unique("Archived ");
        Instant march = Instant.parse("2024-03-15T10:00:00Z");
        String slug = publishAt(writer.principal(), title, "In the archive.", tag, march);
        String other = publishAt(writer.principal(), TestPosts.unique("Elsewhere "), "Not tagged.", null,
                Instant.parse("2024-04-02T10:00:00Z"));

        String tagPage = WebClient.anonymous().get("/tags/" + tag.toLowerCase()).asString();
        assertThat(tagPage).contains(title).doesNotContain(other).contains("Posts tagged " + tag);

        String categoryPage = WebClient.anonymous().get("/categories/uncategorized").asString();
        assertThat(categoryPage).contains("Uncategorized");

        String handle = writer.principal().handle();
        String authorPage = WebClient.anonymous().get("/authors/" + handle).asString();
        assertThat(authorPage).contains(title).contains("Archive Author");

        String month = WebClient.anonymous().get("/archive/2024/03").asString();
        assertThat(month).contains("March 2024").contains("/posts/" + slug).doesNotContain("/posts/" + other);
        assertThat(WebClient.anonymous().get("/archive/2024/13").statusCode()).isEqualTo(404);
        assertThat(WebClient.anonymous().get("/tags/no-such-tag-anywhere").statusCode()).isEqualTo(404);
        assertThat(WebClient.anonymous().get("/authors/nobody-at-all").statusCode()).isEqualTo(404);
        assertThat(WebClient.anonymous().get("/categories/nothing-here").statusCode()).isEqualTo(404);
    }

    @Test
    void searchFindsPostsByTitleAndBody() {
        AccountPrincipal author = TestAccounts.create(Role.AUTHOR, "Searchable Author").principal();
        String word = TestPosts.unique("quokka");
        String inTitle = TestPosts.publish(author, "About the " + word, "Nothing else.", List.of());
        String inBody = TestPosts.publish(author, TestPosts.unique("Unrelated heading "),
                "A paragraph that mentions " + word + " in passing.", List.of());

        String results = WebClient.anonymous().get("/search?q=" + word).asString();
        assertThat(results).contains("/posts/" + inTitle).contains("/posts/" + inBody)
                .contains("value=\"" + word + "\"");
        assertThat(WebClient.anonymous().get("/search?q=" + word + "+absentword").asString())
                .doesNotContain("/posts/" + inTitle).contains("No posts match");
        assertThat(WebClient.anonymous().request().queryParam("q", "<script>alert(1)</script>").get("/search")
                .asString())
                .doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;");
        assertThat(WebClient.anonymous().get("/search").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownAddressesGetAFriendlyNotFoundPage() {
        for (String path : List.of("/posts/no-such-post-here", "/no-such-page", "/a/b/c/d", "/posts/x/y/z")) {
            Response response = WebClient.anonymous().get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.contentType()).startsWith("text/html");
            assertThat(response.asString()).contains("Not found").contains("Back to the home page")
                    .doesNotContain("Exception").doesNotContain("at org.");
        }
    }

    @Test
    void aBrokenPageCursorIsABadRequestNotAnError() {
        Response response = WebClient.anonymous().get("/?before=banana");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.asString()).contains("This page link is not valid");
    }

    @Test
    void pagesDeclareCanonicalFeedsAndSocialMetadata() {
        String home = WebClient.anonymous().get("/").asString();
        assertThat(home).contains("<link rel=\"canonical\" href=\"http://localhost:8080/\">")
                .contains("type=\"application/atom+xml\"").contains("type=\"application/rss+xml\"")
                .contains("<meta property=\"og:title\"").contains("<meta name=\"description\"")
                .contains("<main id=\"main\"").contains("<nav class=\"wrap site-nav\" aria-label=\"Site\">");
    }
}
