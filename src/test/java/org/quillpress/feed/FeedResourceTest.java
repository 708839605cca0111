package org.quillpress.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quillpress.QuillpressConfig;
import org.quillpress.account.Account;
import org.quillpress.support.TestPosts;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class FeedResourceTest {

    static final String ATOM = "http://www.w3.org/2005/Atom";

    @Inject
    FeedFixtures fixtures;

    @Inject
    QuillpressConfig config;

    @Test
    void publishedPostAppearsInTheSiteAtomFeedAsAReaderSeesIt() throws Exception {
        String slug = TestPosts.unique("atom-post-");
        String tag = TestPosts.unique("atom-tag-");
        fixtures.published("Atom post " + slug, slug, List.of(tag), null);
        Account owner = fixtures.owner();

        FeedRules.check("/feed");
        Response response = given().get("/feed").then().statusCode(200).extract().response();
        assertThat(normalised(response.contentType())).isEqualTo("application/atom+xml;charset=utf-8");
        assertThat(response.asString()).doesNotContain(owner.email);

        SyndFeed feed = parse(response);
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        SyndEntry entry = entry(feed, slug);
        assertThat(entry.getTitle()).isEqualTo("Atom post " + slug);
        assertThat(entry.getLink()).isEqualTo(siteUrl() + "/posts/" + slug);
        assertThat(entry.getAuthors()).extracting(p -> p.getName()).containsExactly(owner.displayName);
        assertThat(entry.getAuthors().get(0).getEmail()).isNull();
        assertThat(entry.getPublishedDate()).isNotNull();
        assertThat(entry.getUpdatedDate()).isNotNull();
        assertThat(entry.getDescription().getValue()).isEqualTo("The excerpt of " + slug + ".");
        assertThat(entry.getContents()).hasSize(1);
        assertThat(entry.getContents().get(0).getType()).isEqualTo("html");
        assertThat(entry.getContents().get(0).getValue()).contains("<strong>bold</strong>")
                .contains("A second paragraph.");
        assertThat(entry.getCategories()).extracting(SyndCategory::getName).contains(tag, "Uncategorized");
    }

    @Test
    void publishedPostAppearsInTheSiteRssFeedAsAReaderSeesIt() throws Exception {
        String slug = TestPosts.unique("rss-post-");
        String tag = TestPosts.unique("rss-tag-");
        fixtures.published("RSS post " + slug, slug, List.of(tag), null);
        Account owner = fixtures.owner();

        FeedRules.check("/rss");
        Response response = given().get("/rss").then().statusCode(200).extract().response();
        assertThat(normalised(response.contentType())).isEqualTo("application/rss+xml;charset=utf-8");
        assertThat(response.asString()).doesNotContain(owner.email)
                .contains("<atom:link").contains(siteUrl() + "/rss");

        SyndFeed feed = parse(response);
        assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(feed.getLink()).isEqualTo(siteUrl() + "/");
        SyndEntry entry = entry(feed, slug);
        assertThat(entry.getTitle()).isEqualTo("RSS post " + slug);
        assertThat(entry.getLink()).isEqualTo(siteUrl() + "/posts/" + slug);
        assertThat(entry.getAuthor()).isEqualTo(owner.displayName);
        assertThat(entry.getPublishedDate()).isNotNull();
        assertThat(entry.getDescription().getValue()).isEqualTo("The excerpt of " + slug + ".");
        assertThat(entry.getContents().get(0).getValue()).contains("<strong>bold</strong>");
        assertThat(entry.getCategories()).extracting(SyndCategory::getName).contains(tag, "Uncategorized");
    }

    @Test
    void draftsAndFutureScheduledPostsNeverAppearInAnyFeed() throws Exception {
        String tag = TestPosts.unique("hidden-tag-");
        String categorySlug = TestPosts.unique("hidden-category-");
        fixtures.category("Category " + categorySlug, categorySlug);
        String draft = TestPosts.unique("draft-");
        String scheduled = TestPosts.unique("scheduled-");
        String visible = TestPosts.unique("visible-");
        fixtures.draft("Draft " + draft, draft, List.of(tag), categorySlug);
        fixtures.scheduledTomorrow("Scheduled " + scheduled, scheduled, List.of(tag), categorySlug);
        // published last, so a feed that ignored status would list the other two right beside it
        fixtures.published("Visible " + visible, visible, List.of(tag), categorySlug);

        for (String path : List.of("/feed", "/rss", "/tags/" + tag + "/feed", "/tags/" + tag + "/feed/rss",
                "/categories/" + categorySlug + "/feed", "/categories/" + categorySlug + "/feed/rss")) {
            String xml = FeedRules.check(path);
            assertThat(xml).as(path).contains("Visible " + visible).doesNotContain(draft).doesNotContain(scheduled);
        }
    }

    @Test
    void aTagFeedHoldsOnlyThatTagsPosts() throws Exception {
        String cats = TestPosts.unique("cats-");
        String dogs = TestPosts.unique("dogs-");
        String catPost = TestPosts.unique("cat-post-");
        String dogPost = TestPosts.unique("dog-post-");
        String bothPost = TestPosts.unique("both-post-");
        fixtures.published("Cat post", catPost, List.of(cats), null);
        fixtures.published("Dog post", dogPost, List.of(dogs), null);
        fixtures.published("Both post", bothPost, List.of(cats, dogs), null);

        for (String path : List.of("/tags/" + cats + "/feed", "/tags/" + cats + "/feed/rss")) {
            FeedRules.check(path);
            SyndFeed feed = parse(given().get(path).then().statusCode(200).extract().response());
            assertThat(feed.getEntries()).extracting(SyndEntry::getLink).as(path).containsExactly(
                    siteUrl() + "/posts/" + bothPost, siteUrl() + "/posts/" + catPost);
            assertThat(feed.getTitle()).contains(cats);
        }
        Response rss = given().get("/tags/" + dogs + "/feed/rss").then().statusCode(200).extract().response();
        assertThat(normalised(rss.contentType())).isEqualTo("application/rss+xml;charset=utf-8");
        assertThat(parse(rss).getEntries()).extracting(SyndEntry::getLink)
                .containsExactly(siteUrl() + "/posts/" + bothPost, siteUrl() + "/posts/" + dogPost);
    }

    @Test
    void aCategoryFeedHoldsOnlyThatCategorysPosts() throws Exception {
        String news = TestPosts.unique("news-");
        String other = TestPosts.unique("other-");
        fixtures.category("News " + news, news);
        fixtures.category("Other " + other, other);
        String inNews = TestPosts.unique("in-news-");
        String inOther = TestPosts.unique("in-other-");
        fixtures.published("In news", inNews, List.of(), news);
        fixtures.published("In other", inOther, List.of(), other);

        for (String path : List.of("/categories/" + news + "/feed", "/categories/" + news + "/feed/rss")) {
            FeedRules.check(path);
            SyndFeed feed = parse(given().get(path).then().statusCode(200).extract().response());
            assertThat(feed.getEntries()).extracting(SyndEntry::getLink).as(path)
                    .containsExactly(siteUrl() + "/posts/" + inNews);
            assertThat(feed.getEntries().get(0).getCategories()).extracting(SyndCategory::getName)
                    .containsExactly("News " + news);
        }
    }

    @Test
    void anUnknownTagOrCategoryHasNoFeed() {
        String missing = TestPosts.unique("no-such-");
        for (String path : List.of("/tags/" + missing + "/feed", "/tags/" + missing + "/feed/rss",
                "/categories/" + missing + "/feed", "/categories/" + missing + "/feed/rss")) {
            given().get(path).then().statusCode(404);
        }
    }

    @Test
    void markupInATitleOrCategoryReachesTheReaderUnchangedAndValid() throws Exception {
        String slug = TestPosts.unique("fish-");
        String title = "Fish & <Chips> " + slug;
        String category = TestPosts.unique("fish-category-");
        fixtures.category("Salt & <Vinegar> " + category, category);
        fixtures.published(title, slug, List.of(), category);

        for (String path : List.of("/feed", "/rss", "/categories/" + category + "/feed",
                "/categories/" + category + "/feed/rss")) {
            FeedRules.check(path);
            SyndEntry entry = entry(parse(given().get(path).then().statusCode(200).extract().response()), slug);
            assertThat(entry.getTitle()).as(path).isEqualTo(title);
            assertThat(entry.getCategories()).extracting(SyndCategory::getName).as(path)
                    .containsExactly("Salt & <Vinegar> " + category);
        }
    }

    @Test
    void everyFeedFollowsTheValidatorsRules() throws Exception {
        String slug = TestPosts.unique("valid-");
        String tag = TestPosts.unique("valid-tag-");
        String category = TestPosts.unique("valid-category-");
        fixtures.category("Valid " + category, category);
        fixtures.published("Valid " + slug, slug, List.of(tag, "atom"), category);
        String handle = fixtures.owner().handle;

        for (String path : List.of("/feed", "/rss", "/tags/" + tag + "/feed", "/tags/" + tag + "/feed/rss",
                "/categories/" + category + "/feed", "/categories/" + category + "/feed/rss",
                "/authors/" + handle + "/feed", "/authors/" + handle + "/feed/rss", "/comments/feed",
                "/posts/" + slug + "/comments/feed")) {
            FeedRules.check(path);
        }
    }

    @Test
    void feedsAreCacheableAndAnswerNotModifiedUntilTheyChange() throws Exception {
        fixtures.published("Cache " + TestPosts.unique("cache-"), TestPosts.unique("cache-"), List.of(), null);

        for (String path : List.of("/feed", "/rss")) {
            Response first = given().get(path).then().statusCode(200).extract().response();
            assertThat(first.header("Cache-Control")).isEqualTo("public, max-age=300");
            String etag = first.header("ETag");
            assertThat(etag).as(path).isNotBlank();

            given().header("If-None-Match", etag).get(path).then().statusCode(304);
        }
        String etag = given().get("/feed").then().extract().header("ETag");
        fixtures.published("Newer " + TestPosts.unique("cache-"), TestPosts.unique("cache-"), List.of(), null);
        given().header("If-None-Match", etag).get("/feed").then().statusCode(200);
    }

    @Test
    void aFeedTakesTheSameNumberOfStatementsForTwoOrTwentyFivePosts() throws Exception {
        String tag = TestPosts.unique("count-");
        List<String> tags = List.of(tag, tag + "-a", tag + "-b");
        for (int i = 0; i < 2; i++) {
            fixtures.published("Count " + i, TestPosts.unique("count-"), tags, null);
        }
        String tagFeed = "/tags/" + tag + "/feed";
        assertThat(parse(given().get(tagFeed).then().extract().response()).getEntries()).hasSize(2);
        long siteFew = Statements.of("/feed");
        long tagFew = Statements.of(tagFeed);

        for (int i = 2; i < 25; i++) {
            fixtures.published("Count " + i, TestPosts.unique("count-"), tags, null);
        }
        assertThat(parse(given().get(tagFeed).then().extract().response()).getEntries())
                .hasSize(FeedPosts.FEED_SIZE);
        long siteMany = Statements.of("/feed");
        long tagMany = Statements.of(tagFeed);

        assertThat(siteFew).isPositive();
        assertThat(siteMany).isEqualTo(siteFew);
        assertThat(tagMany).isEqualTo(tagFew);
    }

    private String siteUrl() {
        return config.siteUrl().replaceAll("/+$", "");
    }

    private static SyndFeed parse(Response response) throws Exception {
        return new SyndFeedInput().build(new StringReader(new String(response.asByteArray(), StandardCharsets.UTF_8)));
    }

    private SyndEntry entry(SyndFeed feed, String slug) {
        String link = siteUrl() + "/posts/" + slug;
        return feed.getEntries().stream().filter(e -> link.equals(e.getLink())).findFirst()
                .orElseThrow(() -> new AssertionError("No entry links to " + link));
    }

    private static String normalised(String contentType) {
        return contentType.replace(" ", "").toLowerCase(Locale.ROOT);
    }
}
