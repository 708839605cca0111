package org.quillpress.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.quillpress.account.AccountPrincipal;
import org.quillpress.account.Role;
import org.quillpress.post.PostInput;
import org.quillpress.post.Tag;
import org.quillpress.post.TermService;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestPosts;
import org.quillpress.support.WebClient;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The search page as a reader uses it, on whichever database the suite runs on (Lucene beside H2, full-text
 * search on PostgreSQL). Each test adds a unique word to its query so that only its own posts can match.
 */
@QuarkusTest
class SearchResourceTest {

    @Inject
    TermService terms;

    @Inject
    SearchConfig config;

    static String search(String query) {
        return WebClient.anonymous().request().queryParam("q", query).get("/search").asString();
    }

    static AccountPrincipal author() {
        return TestAccounts.create(Role.AUTHOR, "Search Author").principal();
    }

    @Test
    void anUnaccentedWordFindsTheAccentedOneAndTheTitleMatchComesFirst() {
        String word = TestPosts.unique("fjord");
        AccountPrincipal author = author();
        TestPosts.publish(author, "Field notes " + word, "Someone quoted Jana Müller once, in passing.", List.of());
        TestPosts.publish(author, "Interview with Jana Müller " + word, "Jana Müller talks about her guild.",
                List.of());

        String page = search("muller " + word);

        assertThat(page).contains("Interview with Jana Müller " + word).contains("Field notes " + word);
        assertThat(page.indexOf("Interview with Jana Müller " + word)).as("the title match ranks first")
                .isLessThan(page.indexOf("Field notes " + word));
        assertThat(page).contains("<mark>Müller</mark>").contains("2 posts and pages match");
        assertThat(search("MÜLLER " + word)).as("case folds too").contains("Interview with Jana Müller " + word);
    }

    @Test
    void aQuotedPhraseFindsThePhraseAndLeavesOutTheLooseMatch() {
        String word = TestPosts.unique("guild");
        AccountPrincipal author = author();
        TestPosts.publish(author, "Interview " + word, "Jana talks about peer-led modules and the guild system.",
                List.of());
        TestPosts.publish(author, "Unrelated notes " + word, "Modules, peers and leading: a loose collection.",
                List.of());

        String phrase = search("\"peer-led modules\" " + word);
        assertThat(phrase).contains("Interview " + word).doesNotContain("Unrelated notes " + word)
                .contains("1 post or page matches");

        String loose = search("peers modules " + word);
        assertThat(loose).as("without quotes the words may stand apart").contains("Interview " + word)
                .contains("Unrelated notes " + word);
    }

    @Test
    void aWordFindsItsOtherFormsThroughStemming() {
        String word = TestPosts.unique("stem");
        TestPosts.publish(author(), "Course outline " + word, "Three modules, taught by peers.", List.of());

        assertThat(search("module " + word)).contains("Course outline " + word).contains("<mark>modules</mark>");
        assertThat(search("peer " + word)).contains("Course outline " + word).contains("<mark>peers</mark>");
    }

    @Test
    void snippetsMarkTheMatchesAndEscapeTheText() {
        String word = TestPosts.unique("escape");
        TestPosts.publish(author(), "Markup lesson " + word,
                "Never trust `<script>alert(1)</script>` in a comment about " + word + " & friends.", List.of());

        String page = search(word);

        assertThat(page).contains("Markup lesson " + word).contains("<mark>" + word + "</mark>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&amp; friends")
                .doesNotContain("<script>alert(1)");
    }

    @Test
    void draftsAndTrashedPostsAreNeverFound() {
        String word = TestPosts.unique("hidden");
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Search Trasher");
        TestPosts.save(author.principal(), new PostInput("Draft " + word, "Not ready.", null, List.of(), null, null,
                "DRAFT", null, true, null, null, null, null));
        String slug = TestPosts.publish(author.principal(), "Published " + word, "Ready.", List.of());

        assertThat(search(word)).contains("Published " + word).doesNotContain("Draft " + word)
                .contains("1 post or page matches");

        assertThat(author.signIn().json().delete("/api/v1/posts/" + slug).statusCode()).isEqualTo(204);

        assertThat(search(word)).doesNotContain("Published " + word).contains("No posts match");
    }

    @Test
    void tagsAreSearchedByNameAndFollowARename() {
        String word = TestPosts.unique("tagged");
        String tagName = TestPosts.unique("Zürich");
        TestPosts.publish(author(), "City walk " + word, "Streets and bridges.", List.of(tagName));

        String page = search(tagName.toLowerCase().replace('ü', 'u'));
        assertThat(page).contains("City walk " + word).contains(">" + tagName + "</a>");

        String renamed = TestPosts.unique("Lakeside");
        long tagId = QuarkusTransaction.requiringNew()
                .call(() -> Tag.<Tag> find("name", tagName).firstResult().id);
        terms.renameTag(tagId, renamed, "");

        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> search(renamed).contains("City walk " + word));
    }

    @Test
    void manyResultsComeInPagesWithTheirCount() {
        assertThat(config.pageSize()).as("the page size this test counts on").isEqualTo(10);
        String word = TestPosts.unique("paged");
        AccountPrincipal author = author();
        for (int i = 1; i <= 12; i++) {
            TestPosts.publish(author, "Part " + i + " " + word, "Chapter text.", List.of());
        }

        String first = search(word);
        assertThat(first).contains("12 posts and pages match; 1–10 shown").contains("page=2");
        String second = WebClient.anonymous().request().queryParam("q", word).queryParam("page", 2).get("/search")
                .asString();
        assertThat(second).contains("11–12 shown").contains("page=1");
    }
}
