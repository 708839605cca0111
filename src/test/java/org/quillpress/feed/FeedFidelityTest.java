package org.quillpress.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;

import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quillpress.QuillpressConfig;
import org.quillpress.account.AccountPrincipal;
import org.quillpress.account.Role;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestPosts;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import io.quarkus.test.junit.QuarkusTest;

/** What a feed reader shows matches the post: code keeps its lines, links lead to the site, each date once. */
@QuarkusTest
class FeedFidelityTest {

    static final String CODE = "```python\ndef f(x):\n    if x < 1:\n        return 0\n    return x\n```\n";
    static final String KEPT = "def f(x):\n    if x &lt; 1:\n        return 0\n    return x";

    @Inject
    FeedFixtures fixtures;

    @Inject
    QuillpressConfig config;

    @Test
    void aCodeBlockKeepsEveryLineBreakAndIndentInAtomAndRss() throws Exception {
        String slug = TestPosts.unique("code-feed-");
        fixtures.publishedWithBody("Code " + slug, slug, "Look:\n\n" + CODE, TestAccounts.owner());
        for (String feed : new String[] { "/feed", "/rss" }) {
            FeedRules.check(feed);
            assertThat(content(feed, slug)).as(feed).contains(KEPT);
        }
    }

    @Test
    void linksAndImagesInTheContentCarryTheSitesAddress() throws Exception {
        String slug = TestPosts.unique("links-feed-");
        fixtures.publishedWithBody("Links " + slug, slug,
                "See [the other post](/posts/elsewhere) and [a site](https://example.net/x), "
                        + "![a chart](/media/chart.png) and [a heading](#part-two).",
                TestAccounts.owner());
        String site = siteUrl();
        for (String feed : new String[] { "/feed", "/rss" }) {
            assertThat(content(feed, slug)).as(feed)
                    .contains("href=\"" + site + "/posts/elsewhere\"")
                    .contains("href=\"https://example.net/x\"")
                    .contains("src=\"" + site + "/media/chart.png\"")
                    .contains("href=\"#part-two\"")
                    .doesNotContain("href=\"/").doesNotContain("src=\"/");
        }
    }

    @Test
    void anRssItemIsDatedOnceByItsPubDate() throws Exception {
        String slug = TestPosts.unique("dated-feed-");
        fixtures.publishedWithBody("Dated " + slug, slug, "Once.", TestAccounts.owner());
        String rss = given().get("/rss").then().statusCode(200).extract().asString();
        Element item = item(parse(rss), slug);
        assertThat(item.getElementsByTagName("pubDate").getLength()).isEqualTo(1);
        assertThat(item.getElementsByTagNameNS("http://purl.org/dc/elements/1.1/", "date").getLength()).isZero();
        assertThat(item.getElementsByTagNameNS("http://purl.org/dc/elements/1.1/", "creator").getLength())
                .isEqualTo(1);
        assertThat(rss).doesNotContain("<dc:date>");
    }

    @Test
    void anAuthorHasAFeedOfTheirOwnPostsLinkedFromTheirPage() throws Exception {
        TestAccounts.Created writer = TestAccounts.create(Role.AUTHOR, "Feed Writer " + TestPosts.unique(""));
        AccountPrincipal author = writer.principal();
        String mine = TestPosts.unique("author-feed-mine-");
        String theirs = TestPosts.unique("author-feed-theirs-");
        fixtures.publishedWithBody("Mine " + mine, mine, "By the writer.", author);
        fixtures.publishedWithBody("Theirs " + theirs, theirs, "By the owner.", TestAccounts.owner());

        String atom = FeedRules.check("/authors/" + author.handle() + "/feed");
        assertThat(atom).contains("/posts/" + mine).doesNotContain("/posts/" + theirs)
                .contains("Posts by " + author.displayName());
        String rss = FeedRules.check("/authors/" + author.handle() + "/feed/rss");
        assertThat(rss).contains("/posts/" + mine).doesNotContain("/posts/" + theirs);
        assertThat(given().get("/authors/" + author.handle()).asString())
                .contains("href=\"/authors/" + author.handle() + "/feed\"");
        given().get("/authors/no-such-writer-anywhere/feed").then().statusCode(404);
    }

    @Test
    void aCommentFeedIsDatedByItsPostWhileEmptyAndAnswersNotModifiedUntilItChanges() {
        String slug = TestPosts.unique("quiet-comments-");
        fixtures.publishedWithBody("Quiet " + slug, slug, "No comments yet.", TestAccounts.owner());
        for (String feed : new String[] { "/posts/" + slug + "/comments/feed", "/comments/feed" }) {
            FeedRules.check(feed);
            io.restassured.response.Response first = given().get(feed).then().statusCode(200).extract().response();
            assertThat(first.asString()).as(feed).doesNotContain("1970-01-01");
            String etag = first.header("ETag");
            assertThat(etag).as(feed).isNotBlank();
            given().header("If-None-Match", etag).get(feed).then().statusCode(304);
        }
    }

    private String content(String feed, String slug) throws Exception {
        Document doc = parse(given().get(feed).then().statusCode(200).extract().asString());
        String link = siteUrl() + "/posts/" + slug;
        if (feed.equals("/rss")) {
            return text(item(doc, slug), "description", "encoded");
        }
        NodeList entries = doc.getElementsByTagNameNS(FeedResourceTest.ATOM, "entry");
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            NodeList links = entry.getElementsByTagNameNS(FeedResourceTest.ATOM, "link");
            for (int j = 0; j < links.getLength(); j++) {
                if (link.equals(((Element) links.item(j)).getAttribute("href"))) {
                    return entry.getElementsByTagNameNS(FeedResourceTest.ATOM, "content").item(0).getTextContent();
                }
            }
        }
        throw new AssertionError("No entry links to " + link);
    }

    private Element item(Document doc, String slug) {
        String link = siteUrl() + "/posts/" + slug;
        NodeList items = doc.getElementsByTagName("item");
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            if (link.equals(item.getElementsByTagName("link").item(0).getTextContent().strip())) {
                return item;
            }
        }
        throw new AssertionError("No item links to " + link);
    }

    /** The HTML of an RSS item: content:encoded when there is one, else its description. */
    private static String text(Element item, String description, String encoded) {
        NodeList full = item.getElementsByTagNameNS("http://purl.org/rss/1.0/modules/content/", encoded);
        if (full.getLength() > 0) {
            return full.item(0).getTextContent();
        }
        return item.getElementsByTagName(description).item(0).getTextContent();
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private String siteUrl() {
        String url = config.siteUrl();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
