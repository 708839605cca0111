package org.quillpress.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.quillpress.account.AccountPrincipal;
import org.quillpress.account.Role;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestClock;
import org.quillpress.support.TestPosts;
import org.quillpress.support.WebClient;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Past {@code quillpress.search.max-results} matches, a search ranks the newest ones only and says "more than"
 * instead of counting them all, on either build.
 */
@QuarkusTest
@TestProfile(FewRankedResults.class)
class SearchMaximumTest {

    static String search(String query) {
        return WebClient.anonymous().request().queryParam("q", query).get("/search").asString();
    }

    @Test
    void moreMatchesThanTheMaximumRankTheNewestAndSayMoreThan() {
        String word = TestPosts.unique("ledger");
        AccountPrincipal author = TestAccounts.create(Role.AUTHOR, "Maximum Author").principal();
        // the oldest post is the best match (the word in its title): past the maximum it is not ranked at all
        TestPosts.publish(author, "Oldest " + word, "The first note of the " + word + ".", List.of());
        for (int i = 1; i <= 4; i++) {
            TestClock.current().advance(Duration.ofMinutes(1));
            TestPosts.publish(author, "Note " + i, "Another entry in the " + word + ".", List.of());
        }

        String page = search(word);

        assertThat(page).contains("More than 3 posts and pages match; the newest 3 are ranked, 1–3 shown.")
                .contains("Note 4").contains("Note 3").contains("Note 2").doesNotContain("Note 1")
                .doesNotContain("Oldest " + word).doesNotContain("page=2");
    }

    @Test
    void asManyMatchesAsTheMaximumAreCountedExactly() {
        String word = TestPosts.unique("harbour");
        AccountPrincipal author = TestAccounts.create(Role.AUTHOR, "Exact Author").principal();
        for (int i = 1; i <= FewRankedResults.MAX; i++) {
            TestPosts.publish(author, "Quay " + i, "Boats in the " + word + ".", List.of());
        }

        assertThat(search(word)).contains("3 posts and pages match.").doesNotContain("More than");
    }
}
