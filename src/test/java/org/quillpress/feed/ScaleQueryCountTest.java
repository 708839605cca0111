package org.quillpress.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quillpress.support.TestComments.approve;
import static org.quillpress.support.TestComments.guestComment;
import static org.quillpress.support.TestComments.guestEmail;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quillpress.account.AccountPrincipal;
import org.quillpress.account.Role;
import org.quillpress.support.Sitemaps;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestPosts;
import org.quillpress.support.Uncached;
import org.quillpress.support.WebClient;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The pages that a site of a million comments made slow (issue 15) take the same SQL statements whatever
 * the number of comments, posts or sitemap files: no statement per comment, post or file.
 */
@QuarkusTest
class ScaleQueryCountTest {

    private static final Pattern OLDER = Pattern.compile("href=\"[^\"]*\\?before=([^\"]+)\">Older posts");

    @Inject
    FeedFixtures fixtures;

    /** {@code n} approved guest comments on the post at {@code slug}, each from a new guest. */
    static void comments(String slug, int n) {
        for (int i = 0; i < n; i++) {
            approve(guestComment(slug, "Counted " + i, guestEmail("counted"), "Comment " + i + " on " + slug + "."));
        }
    }

    @Test
    void theCommentFeedsTakeTheSameStatementsForAFewCommentsOrMany() {
        AccountPrincipal author = TestAccounts.create(Role.AUTHOR, "Feed Author").principal();
        String first = TestPosts.publish(author, TestPosts.unique("Fed "), "x", List.of());
        String second = TestPosts.publish(author, TestPosts.unique("Fed "), "x", List.of());
        comments(first, 1);
        // a full feed of comments on posts (a comment on a page among them would add the page tree's statement)
        comments(second, FeedComments.SIZE);
        long siteFew = Statements.of("/comments/feed");
        long postFew = Statements.of("/posts/" + first + "/comments/feed");

        // more than a feed holds, on posts of their own: the feed must not load each comment's post
        for (int i = 0; i < 4; i++) {
            comments(TestPosts.publish(author, TestPosts.unique("Fed more "), "x", List.of()), 9);
        }
        comments(first, FeedComments.SIZE + 2);
        assertThat(WebClient.anonymous().get(Uncached.path("/posts/" + first + "/comments/feed")).asString()
                .split("<entry>", -1)).hasSize(FeedComments.SIZE + 1);

        assertThat(Statements.of("/comments/feed")).isEqualTo(siteFew);
        assertThat(Statements.of("/posts/" + first + "/comments/feed")).isEqualTo(postFew);
        // the comments with their posts' titles and addresses in one statement
        assertThat(siteFew).isLessThanOrEqualTo(2);
        // the post, then its comments
        assertThat(postFew).isLessThanOrEqualTo(2);
    }

    @Test
    void anAuthorsPageTakesTheSameStatementsFirstOrDeepWithTwoPostsOrThirty() {
        AccountPrincipal author = TestAccounts.create(Role.AUTHOR, "Prolific Author").principal();
        String page = "/authors/" + author.handle();
        for (int i = 0; i < 2; i++) {
            TestPosts.publish(author, TestPosts.unique("By " + i + " "), "x", List.of("prolific"));
        }
        long few = Statements.of(page);

        for (int i = 2; i < 30; i++) {
            TestPosts.publish(author, TestPosts.unique("By " + i + " "), "x", List.of("prolific"));
        }
        long many = Statements.of(page);
        String older = older(WebClient.anonymous().get(Uncached.path(page)).asString());
        String deeper = older(WebClient.anonymous().get(Uncached.path(page + "?before=" + older)).asString());
        long deep = Statements.of(page + "?before=" + deeper);

        assertThat(many).isEqualTo(few);
        assertThat(deep).isEqualTo(few);
        // the account; the ids of the page's posts in index order; those posts with authors and categories; the
        // tags and comment counts of those posts
        assertThat(few).isLessThanOrEqualTo(5);
    }

    @Test
    void aSitemapInOneFileTakesAStatementPerKindAndOneMorePerThousandAddressesNotOnePerPost() throws Exception {
        fixtures.bulkPublished(TestPosts.unique("mapped-"), 3);
        long few = Statements.of("/sitemap.xml");
        int fewPosts = postsListed();

        fixtures.bulkPublished(TestPosts.unique("mapped-"), 40);
        long many = Statements.of("/sitemap.xml");
        int manyPosts = postsListed();

        assertThat(manyPosts).isEqualTo(fewPosts + 40);
        // the one file reads each kind in pages of a thousand addresses; the suite's other posts may fill one more
        assertThat(many - few).isEqualTo(manyPosts / FeedPosts.SITEMAP_PAGE - fewPosts / FeedPosts.SITEMAP_PAGE);
        // the counts of posts, pages, categories and tags; then posts, pages with their tree, categories, tags
        assertThat(few).isLessThanOrEqualTo(4 + 5 + fewPosts / FeedPosts.SITEMAP_PAGE);
    }

    /** The posts /sitemap.xml lists, after checking that it is one file. */
    private static int postsListed() throws Exception {
        byte[] sitemap = WebClient.anonymous().get(Uncached.path("/sitemap.xml")).asByteArray();
        return (int) Sitemaps.entries(sitemap, "urlset", "url").keySet().stream().filter(loc -> loc.contains("/posts/"))
                .count();
    }

    private static String older(String html) {
        Matcher older = OLDER.matcher(html);
        assertThat(older.find()).as("a link to older posts").isTrue();
        return older.group(1);
    }
}
