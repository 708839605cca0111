package org.quillpress.wxr;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.quillpress.account.Account;
import org.quillpress.comment.Comment;
import org.quillpress.post.Category;
import org.quillpress.post.Post;
import org.quillpress.post.Tag;
import org.quillpress.support.TestComments;
import org.quillpress.wxr.ImportReport.Kind;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * What the import must keep while it stores comments in bulk (links looked up per item, the session
 * flushed per item and every {@value WxrImporter#FLUSH_COMMENTS} comments): threads across those
 * boundaries and across imports, the depth cap, repeated ids, and the item-by-item fallback.
 */
@QuarkusTest
class WxrBatchingTest {

    @Inject
    WxrFixtures fixtures;

    @Inject
    EntityManagerFactory emf;

    @Test
    void threadsSurviveTheFlushesOfAPostWithManyComments() {
        String site = "many" + System.nanoTime();
        int n = WxrImporter.FLUSH_COMMENTS * 2 + 205;
        StringBuilder comments = new StringBuilder();
        for (int k = 1; k <= n; k++) {
            // runs of five: a comment, then four replies each to the one before, across the flush boundaries
            comments.append(comment(k, k % 5 == 1 ? 0 : k - 1, "approved", "Comment " + k));
        }
        ImportReport first = fixtures.importText(file(site, item(1, site + "-many", comments.toString())));

        assertThat(first.error()).isNull();
        assertThat(first.importedCount(Kind.COMMENT)).isEqualTo(n);
        List<Comment> thread = thread(site + "-many");
        assertThat(thread).hasSize(n);
        assertConsistent(thread);
        assertThat(thread).extracting(c -> c.depth).containsOnly(1, 2, 3, 4, 5);

        ImportReport again = fixtures.importText(file(site, item(1, site + "-many", comments.toString())));
        assertThat(again.importedCount(Kind.COMMENT)).isZero();
        assertThat(again.skippedByReason()).containsEntry("Comments: already imported", n);
        assertThat(thread(site + "-many")).hasSize(n);
    }

    @Test
    void aThreadDeeperThanThirtyIsCappedAndKeptWhole() {
        String site = "deep" + System.nanoTime();
        StringBuilder comments = new StringBuilder();
        for (int k = 1; k <= 35; k++) {
            comments.append(comment(k, k - 1, "approved", "Level " + k));
        }
        ImportReport report = fixtures.importText(file(site, item(1, site + "-deep", comments.toString())));

        assertThat(report.importedCount(Kind.COMMENT)).isEqualTo(35);
        List<Comment> thread = thread(site + "-deep");
        assertConsistent(thread);
        assertThat(thread).extracting(c -> c.depth).containsOnly(java.util.stream.IntStream.rangeClosed(1, 30)
                .boxed().toArray(Integer[]::new));
        assertThat(thread.stream().filter(c -> c.depth == WxrImporter.MAX_STORED_DEPTH)).hasSize(6);
    }

    @Test
    void repliesInANewerExportFindTheirParentsFromTheFirstImport() {
        String site = "newer" + System.nanoTime();
        String older = comment(1, 0, "approved", "First") + comment(2, 1, "approved", "Second")
                + comment(2, 1, "approved", "Second, listed twice");
        ImportReport first = fixtures.importText(file(site, item(7, site + "-newer", older)));
        assertThat(first.importedCount(Kind.COMMENT)).isEqualTo(2);
        assertThat(first.skippedByReason()).containsEntry("Comments: already imported", 1);

        String newer = older + comment(3, 2, "hold", "Third, held") + comment(4, 99, "spam", "Reply to a stranger");
        ImportReport second = fixtures.importText(file(site, item(7, site + "-newer", newer)));

        assertThat(second.importedCount(Kind.COMMENT)).isEqualTo(2);
        assertThat(second.skippedByReason()).containsEntry("Posts: already imported", 1)
                .containsEntry("Comments: already imported", 3);
        assertThat(second.notes()).anyMatch(n -> n.contains("comment 4") && n.contains("starts a thread"));
        List<Comment> thread = thread(site + "-newer");
        assertConsistent(thread);
        assertThat(thread).extracting(c -> c.bodyMarkdown).containsExactly("First", "Second", "Third, held",
                "Reply to a stranger");
        assertThat(thread).extracting(c -> c.depth).containsExactly(1, 2, 3, 1);
        assertThat(thread.get(2).status.name()).isEqualTo("PENDING");
        assertThat(thread.get(3).status.name()).isEqualTo("SPAM");
    }

    @Test
    void anItemTheDatabaseRefusesFailsAloneAndTheRestOfItsBatchIsStored() {
        String site = "refused" + System.nanoTime();
        String tooLong = "x".repeat(2_000_001); // over the body column's 2,000,000 characters
        String items = item(1, site + "-before", comment(1, 0, "approved", "Before"))
                + item(2, site + "-refused", comment(2, 0, "approved", "Lost with its post")).replace("Body.",
                        tooLong)
                + item(3, site + "-after", comment(3, 0, "approved", "After") + comment(4, 3, "approved", "Reply"));
        ImportReport report = fixtures.importText(file(site, items));

        assertThat(report.error()).isNull();
        assertThat(report.importedCount(Kind.POST)).isEqualTo(2);
        assertThat(report.failedCount(Kind.POST)).isEqualTo(1);
        assertThat(report.importedCount(Kind.COMMENT)).isEqualTo(3);
        assertThat(report.notes()).anyMatch(n -> n.contains(site + "-refused") && n.contains("failed"));
        assertThat(thread(site + "-before")).hasSize(1);
        assertThat(thread(site + "-after")).extracting(c -> c.depth).containsExactly(1, 2);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Post.count("slug", site + "-refused")))
                .isZero();
    }

    @Test
    void aCommentWrittenAfterAnImportGetsAFreshIdAndItsPlaceInTheThread() {
        String site = "after" + System.nanoTime();
        String slug = site + "-after";
        ImportReport report = fixtures.importText(file(site, item(1, slug, comment(1, 0, "approved", "Opening")
                + comment(2, 1, "approved", "Imported reply") + comment(3, 0, "approved", "Second thread"))));
        assertThat(report.importedCount(Kind.COMMENT)).isEqualTo(3);
        List<Comment> imported = thread(slug);
        long opening = imported.get(0).id;

        long reply = TestComments.guestComment(slug, "Late reader " + site, TestComments.guestEmail("late"), null,
                "Written here later", opening);
        TestComments.approve(reply);

        assertThat(imported).extracting(c -> c.id).allMatch(id -> id < reply);
        List<Map<String, Object>> shown = given().accept(ContentType.JSON).get("/api/v1/posts/" + slug + "/comments")
                .jsonPath().getList("$");
        assertThat(shown).extracting(c -> ((Number) c.get("id")).longValue()).containsExactly(opening,
                imported.get(1).id, reply, imported.get(2).id);
        assertThat(shown.get(2)).containsEntry("depth", 2);
        assertConsistent(thread(slug));
    }

    @Test
    void termsAndAuthorsAreLookedUpOncePerImportNotOncePerPost() {
        String site = "terms" + System.nanoTime();
        int n = 40;
        // the first post names a category and a tag the site has not got yet, all of them the same author
        String terms = "<category domain=\"category\" nicename=\"%1$s-topic\">Topic</category>"
                + "<category domain=\"post_tag\" nicename=\"%1$s-tag\">Tag</category>";
        StringBuilder items = new StringBuilder();
        for (int p = 1; p <= n; p++) {
            items.append(item(p, site + "-" + p, terms.formatted(site)));
        }
        Statistics statistics = emf.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();

        ImportReport report = fixtures.importText(file(site, items.toString()));

        assertThat(report.error()).isNull();
        assertThat(report.importedCount(Kind.POST)).isEqualTo(n);
        // the session forgets its entities after every post: found again, they would be read once per post
        for (Class<?> entity : List.of(Tag.class, Category.class, Account.class)) {
            assertThat(statistics.getEntityStatistics(entity.getName()).getLoadCount()).as(entity.getSimpleName())
                    .isLessThan(5);
        }
        Post last = QuarkusTransaction.requiringNew().call(() -> Post.findBySlugWithDetails(site + "-" + n).orElseThrow());
        assertThat(last.tags).extracting(t -> t.slug).containsExactly(site + "-tag");
        assertThat(last.categories).extracting(c -> c.slug).containsExactly(site + "-topic");
        assertThat(last.author.handle).isEqualTo(
                QuarkusTransaction.requiringNew()
                        .call(() -> Post.findBySlugWithDetails(site + "-1").orElseThrow().author.handle));
    }

    /** Each comment's path is its parent's path and its own id, and its depth one more than its parent's. */
    private static void assertConsistent(List<Comment> thread) {
        Map<Long, Comment> byId = new HashMap<>();
        thread.forEach(c -> byId.put(c.id, c));
        for (Comment c : thread) {
            if (c.parent == null) {
                assertThat(c.depth).isEqualTo(1);
                assertThat(c.path).isEqualTo(Comment.segment(c.id));
            } else {
                Comment parent = byId.get(c.parent.id);
                assertThat(parent).isNotNull();
                assertThat(c.depth).isEqualTo(parent.depth + 1);
                assertThat(c.path).isEqualTo(parent.path + "/" + Comment.segment(c.id));
            }
        }
    }

    private static List<Comment> thread(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> Comment
                .<Comment> list("from Comment c left join fetch c.parent where c.post.slug = ?1 order by c.path", slug));
    }

    private static String file(String site, String items) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
                <channel><title>Batching</title><link>https://%1$s.example</link>
                <wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://%1$s.example</wp:base_site_url>
                %2$s
                </channel></rss>
                """.formatted(site, items);
    }

    private static String item(long id, String slug, String comments) {
        return """
                <item><title>%2$s</title><dc:creator>batcher</dc:creator>
                <content:encoded><![CDATA[Body.]]></content:encoded>
                <wp:post_id>%1$d</wp:post_id><wp:post_date_gmt>2020-05-01 10:00:00</wp:post_date_gmt>
                <wp:post_name>%2$s</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
                %3$s</item>
                """.formatted(id, slug, comments);
    }

    private static String comment(long id, long parent, String approved, String text) {
        return "<wp:comment><wp:comment_id>" + id + "</wp:comment_id><wp:comment_author>Reader " + id
                + "</wp:comment_author><wp:comment_date_gmt>2020-05-02 10:00:00</wp:comment_date_gmt>"
                + "<wp:comment_content><![CDATA[" + text + "]]></wp:comment_content><wp:comment_approved>" + approved
                + "</wp:comment_approved><wp:comment_parent>" + parent + "</wp:comment_parent></wp:comment>\n";
    }
}
