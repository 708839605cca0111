package org.quillpress.wxr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quillpress.comment.Comment;
import org.quillpress.comment.CommentStatus;
import org.quillpress.post.Category;
import org.quillpress.post.Post;
import org.quillpress.support.WebClient;
import org.quillpress.wxr.ImportReport.Kind;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class WxrImportTest {

    @Inject
    WxrFixtures fixtures;

    @BeforeEach
    void importLighthouse() {
        // the first import of the file (here or in another test class) brings everything in; later ones find it
        fixtures.importResource("lighthouse-1.2.xml");
    }

    @Test
    void reportCountsEveryKindAndSaysWhySomethingWasSkipped() {
        // the same blog from a site of its own, with its own authors and terms, so that all of it is new
        String site = "r" + System.nanoTime();
        String xml = WxrFixtures.resource("lighthouse-1.2.xml").replace("lighthouse.example", site + ".example");
        for (String name : List.of("coast", "lighthouses", "fog", "night-watch", "marta", "tomas")) {
            xml = xml.replace("[CDATA[" + name + "]]", "[CDATA[" + name + site + "]]")
                    .replace("nicename=\"" + name + "\"", "nicename=\"" + name + site + "\"");
        }
        ImportReport first = fixtures.importText(xml);

        assertThat(first.error()).isNull();
        assertThat(first.importedCount(Kind.AUTHOR)).isEqualTo(2);
        assertThat(first.importedCount(Kind.CATEGORY)).isEqualTo(2);
        assertThat(first.importedCount(Kind.TAG)).isEqualTo(2);
        assertThat(first.importedCount(Kind.POST)).isEqualTo(6);
        assertThat(first.importedCount(Kind.PAGE)).isEqualTo(4);
        assertThat(first.skippedCount(Kind.POST)).isEqualTo(1);
        assertThat(first.importedCount(Kind.COMMENT)).isEqualTo(16);
        assertThat(first.skippedCount(Kind.COMMENT)).isEqualTo(1);
        assertThat(first.skippedItems()).anyMatch(l -> l.contains("Trashed post") && l.contains("trash"))
                .anyMatch(l -> l.contains("pingback") && l.contains("not kept"))
                .anyMatch(l -> l.contains("lamp.jpg") && l.contains("attachment"))
                .anyMatch(l -> l.contains("Home") && l.contains("menu item"))
                .anyMatch(l -> l.contains("nav_menu"));
        assertThat(first.notes()).anyMatch(n -> n.contains("LOCKED-TITLE-6640") && n.contains("password-protected"))
                .anyMatch(n -> n.contains("PRIVATE-TITLE-5530") && n.contains("private"))
                // a post keeps all its categories, so there is nothing to report about them
                .noneMatch(n -> n.contains("Second post") && n.contains("categories"));
        assertThat(first.notRendered()).anySatisfy(row -> {
            assertThat(row.what()).isEqualTo("[pullquote]");
            assertThat(row.posts()).isEqualTo(1);
            assertThat(row.examples().get(0)).contains("the fog");
        });
    }

    @Test
    void secondImportOfTheSameFileChangesNothing() {
        long posts = QuarkusTransaction.requiringNew().call(() -> Post.count());
        long comments = QuarkusTransaction.requiringNew().call(() -> Comment.count());

        ImportReport again = fixtures.importResource("lighthouse-1.2.xml");

        assertThat(again.error()).isNull();
        assertThat(again.importedCount(Kind.POST) + again.importedCount(Kind.PAGE)
                + again.importedCount(Kind.COMMENT) + again.importedCount(Kind.AUTHOR)
                + again.importedCount(Kind.CATEGORY) + again.importedCount(Kind.TAG)).isZero();
        assertThat(again.skippedByReason()).containsEntry("Posts: already imported", 6)
                .containsEntry("Comments: already imported", 16);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Post.count())).isEqualTo(posts);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Comment.count())).isEqualTo(comments);
    }

    @Test
    void importedPostReadsWellAndSafely() {
        Response page = WebClient.anonymous().get("/posts/fog-returns");

        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.asString();
        assertThat(html).contains("Bold &amp; &quot;quoted&quot; — the fog’s return")
                .doesNotContain("<b>Bold</b>")
                .contains("<p>The fog came back on Tuesday. We lit the lamp at four.</p>")
                .contains("<p>Second paragraph inside a block.</p>")
                .contains("Third paragraph<br")
                .contains("The lamp at dusk").contains("[pullquote]Keep the light burning[/pullquote]")
                .doesNotContain("wp:paragraph").doesNotContain("[caption").doesNotContain("<script>")
                .doesNotContain("onclick").doesNotContain("pwned")
                // the sanitizer writes characters beyond the BMP as numeric references: the same characters on screen
                .contains(
                        "\u05e9\u05dc\u05d5\u05dd\u200f mark, joiner &#x1f469;\u200d&#x1f52c;, zero\u200bwidth, emoji &#x1f30a;")
                .contains("line one\n\nline three");
        assertThat(html).contains("Marta Quill").contains("Lighthouses");
    }

    @Test
    void excerptIsTheTextBeforeTheMoreMarkerOrWordPresssOwn() {
        String post = QuarkusTransaction.requiringNew()
                .call(() -> Post.<Post> find("slug", "fog-returns").firstResult().excerpt);
        String second = QuarkusTransaction.requiringNew()
                .call(() -> Post.<Post> find("slug", "second-post").firstResult().excerpt);

        assertThat(post).isEqualTo("The fog came back on Tuesday. We lit the lamp at four.");
        assertThat(second).isEqualTo("Own excerpt text");
    }

    @Test
    void threadTenDeepIsKeptAndHeldSpamAndTrashStayHidden() {
        List<Comment> thread = QuarkusTransaction.requiringNew().call(() -> Comment
                .<Comment> list("post.slug = ?1 and status = ?2 order by path", "fog-returns", CommentStatus.APPROVED));
        assertThat(thread).extracting(c -> c.depth).startsWith(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        for (int i = 1; i < 10; i++) {
            assertThat(thread.get(i).path).startsWith(thread.get(i - 1).path + "/");
        }

        String html = WebClient.anonymous().get("/posts/fog-returns").asString();
        assertThat(html).contains("Reply at level 1 about the lamp.", "Reply at level 10 about the lamp.")
                .doesNotContain("KIT-PENDING-7731").doesNotContain("SPAM-BODY-5524")
                .doesNotContain("TRASH-BODY-9917").doesNotContain("PINGBACK-BODY")
                .doesNotContain("alert(").doesNotContain("javascript:")
                .doesNotContain("@readers.example");

        String queue = WebClient.owner().get("/moderation").asString();
        assertThat(queue).contains("KIT-PENDING-7731");
    }

    @Test
    void draftsScheduledPrivateAndLockedPostsNeverShowToReaders() {
        String[] secrets = { "DRAFT-TITLE-3310", "DRAFT-BODY-3310", "SCHEDULED-TITLE-4420", "SCHEDULED-BODY-4420",
                "PRIVATE-TITLE-5530", "PRIVATE-BODY-5530", "PRIVATE-COMMENT-5530", "LOCKED-TITLE-6640",
                "LOCKED-BODY-6640", "LOCKED-COMMENT-6640" };
        for (String path : List.of("/", "/feed", "/rss", "/comments/feed", "/sitemap.xml", "/search?q=LOCKED",
                "/search?q=PRIVATE", "/api/v1/posts", "/categories/uncategorized", "/posts/private-log",
                "/posts/locked-entry", "/posts/next-century", "/posts/locked-entry/comments/feed",
                "/posts/private-log/comments/feed", "/authors/marta")) {
            Response response = WebClient.anonymous().get(path);
            assertThat(response.asString()).as(path).doesNotContain(secrets);
        }
        assertThat(WebClient.anonymous().get("/posts/locked-entry").statusCode()).isEqualTo(404);
        assertThat(WebClient.anonymous().get("/posts/private-log").statusCode()).isEqualTo(404);
    }

    @Test
    void categoriesKeepTheirHierarchyAndPagesTheirParents() {
        String parent = QuarkusTransaction.requiringNew()
                .call(() -> Category.findBySlug("lighthouses").orElseThrow().parent.slug);
        assertThat(parent).isEqualTo("coast");
        String pageParent = QuarkusTransaction.requiringNew()
                .call(() -> Post.<Post> find("slug", "visiting-hours").firstResult().parent.slug);
        assertThat(pageParent).isEqualTo("about-the-light");
        // a child page listed before its parent is placed under it once the parent is in
        String late = QuarkusTransaction.requiringNew()
                .call(() -> Post.<Post> find("slug", "directions").firstResult().parent.slug);
        assertThat(late).isEqualTo("getting-here");
        assertThat(WebClient.anonymous().get("/about-the-light").asString()).contains("The light was built in 1871.");
    }

    @Test
    void stickyFlagAndUtcDatesAreKept() {
        Post post = QuarkusTransaction.requiringNew().call(() -> Post.<Post> find("slug", "fog-returns").firstResult());
        assertThat(post.sticky).isTrue();
        assertThat(post.publishAt).hasToString("2019-03-04T08:30:00Z");
    }

    @Test
    void anotherNamespaceAndPrefixesImportAlike() {
        ImportReport report = fixtures.importResource("harbour-1.1-https.xml");

        assertThat(report.error()).isNull();
        String html = WebClient.anonymous().get("/posts/tide-tables").asString();
        assertThat(html).contains("HARBOUR-TITLE-8810", "HARBOUR-BODY-8810", "HARBOUR-COMMENT-8810");
        Post post = QuarkusTransaction.requiringNew().call(() -> Post.<Post> find("slug", "tide-tables").firstResult());
        assertThat(post.publishAt).hasToString("2020-06-01T10:00:00Z");
        assertThat(post.commentsOpen).isFalse();
    }
}
