package org.quillpress.wxr;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quillpress.comment.Comment;
import org.quillpress.post.Post;
import org.quillpress.support.WebClient;
import org.quillpress.wxr.ImportReport.Kind;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Each import is filed under the blog it came from: blogs sharing an address and ids both come in whole. */
@QuarkusTest
class WxrSourcesTest {

    @Inject
    WxrFixtures fixtures;

    @Test
    void twoWordPressComBlogsWithTheSameSiteAddressAndIdsBothComeInWhole() {
        ImportReport moorings = fixtures.importResource("wpcom-moorings.xml");
        ImportReport anchorage = fixtures.importResource("wpcom-anchorage.xml");

        assertThat(moorings.source()).isEqualTo("https://moorings.wordpress.com");
        assertThat(anchorage.source()).isEqualTo("https://anchorage.wordpress.com");
        assertThat(anchorage.error()).isNull();
        assertThat(anchorage.skippedItems()).noneMatch(line -> line.contains("already imported"));
        assertThat(WebClient.anonymous().get("/posts/anchor-chains").asString()).contains("ANCH-BODY-10")
                .contains("ANCH-COMMENT-1").doesNotContain("MOOR-COMMENT-1");
        assertThat(WebClient.anonymous().get("/posts/winter-moorings").asString()).contains("MOOR-BODY-10")
                .contains("MOOR-COMMENT-1").doesNotContain("ANCH-COMMENT-1");
        assertThat(WebClient.anonymous().get("/posts/anchor-lights").asString()).contains("ANCH-BODY-12");
        assertThat(WebClient.anonymous().get("/posts/summer-moorings").asString()).contains("MOOR-BODY-12");
    }

    @Test
    void aRepeatedIdInOneFileIsReportedAndADifferentItemWithItStillComesIn() {
        ImportReport report = fixtures.importResource("wpcom-moorings.xml");
        // the first import happened here or in the test above; either way this one finds every item again
        ImportReport again = fixtures.importResource("wpcom-moorings.xml");

        assertThat(WebClient.anonymous().get("/harbour-dues").asString()).contains("MOOR-BODY-12B");
        assertThat(again.importedCount(Kind.POST) + again.importedCount(Kind.PAGE)).isZero();
        assertThat(again.skippedItems()).anyMatch(l -> l.contains("MOOR-TITLE-10")
                && l.contains("the same item appears earlier in the file"));
        assertThat(again.notes()).anyMatch(l -> l.contains("MOOR-TITLE-12B") && l.contains("same WordPress id 12"));
        long copies = QuarkusTransaction.requiringNew()
                .call(() -> Post.count("title", "Harbour dues MOOR-TITLE-12B"));
        assertThat(copies).isEqualTo(1);
        long comments = QuarkusTransaction.requiringNew()
                .call(() -> Comment.count("bodyMarkdown like ?1", "%MOOR-COMMENT-1%"));
        assertThat(comments).isEqualTo(1);
        assertThat(report.error()).isNull();
    }

    @Test
    void aGalleryWhoseImagesComeAfterItsPostShowsThem() {
        fixtures.importResource("wpcom-moorings.xml");

        String html = WebClient.anonymous().get("/posts/winter-moorings").asString();
        assertThat(html).contains("<div class=\"gallery columns-2\">")
                .contains("src=\"https://moorings.files.wordpress.com/2021/01/rope-1.jpg\" alt=\"A coiled rope\"")
                .contains("rope-2.jpg");
    }

    @Test
    void aNameGivenByTheAdminFilesAnImportApart() {
        String xml = WxrFixtures.resource("wpcom-anchorage.xml").replace("anchor-", "copied-anchor-");
        ImportReport copy = fixtures.importText(xml, "Anchorage, second copy");

        assertThat(copy.source()).isEqualTo("Anchorage, second copy");
        assertThat(copy.importedCount(Kind.POST)).isEqualTo(2);
        assertThat(WebClient.anonymous().get("/posts/copied-anchor-chains").asString()).contains("ANCH-COMMENT-1");
    }
}
