package org.quillpress.wxr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.quillpress.comment.Comment;
import org.quillpress.post.Post;
import org.quillpress.post.PostInput;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestPosts;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Export, empty the site, import the export: the same posts, comments, threads and states come back. */
@QuarkusTest
@TestProfile(RoundTripTest.FreshSite.class)
class RoundTripTest {

    /**
     * A profile of its own, so the application restarts; the tests' Flyway clean-at-start gives it a freshly
     * migrated, empty database, whichever database the suite runs on (H2 or PostgreSQL).
     */
    public static class FreshSite implements QuarkusTestProfile {
    }

    @Inject
    WxrFixtures fixtures;

    @Inject
    WxrExporter exporter;

    @Inject
    EntityManager em;

    @Test
    void exportImportedIntoAnEmptySiteGivesBackTheSameSite() {
        fixtures.importResource("lighthouse-1.2.xml");
        // tables, lists, a caption, a video link, transliterated slugs, a byline given to the admin
        fixtures.importResource("quay-content.xml");
        TestPosts.save(TestAccounts.owner(),
                new PostInput("Written <here> & \"now\"",
                        "Some **Markdown** with a [link](https://example.org).\n\nSecond paragraph.",
                        null, List.of("Local tag"), null, "written-here", "PUBLISHED", null, true, null, null, null, null));
        List<String> before = snapshot();
        ByteArrayOutputStream export = new ByteArrayOutputStream();
        exporter.writeWxr(export);

        emptyTheSite();
        assertThat(snapshot()).isEmpty();
        ImportReport report = fixtures.importText(export.toString(StandardCharsets.UTF_8));

        assertThat(report.error()).isNull();
        assertThat(snapshot()).containsExactlyElementsOf(before);
    }

    /** Every post and comment as text, with threads as the chain of parent authors and truncated dates. */
    private List<String> snapshot() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> lines = new ArrayList<>();
            for (Post p : Post.<Post> list("order by slug")) {
                lines.add(String.join(" | ", p.kind.name(), p.slug, p.title, p.status.name(), time(p.publishAt),
                        p.author.displayName, p.category == null ? "-" : p.category.slug,
                        p.category == null || p.category.parent == null ? "-" : p.category.parent.slug,
                        p.tags.stream().map(t -> t.slug + "=" + t.name).sorted().toList().toString(),
                        p.parent == null ? "-" : p.parent.slug, Integer.toString(p.menuOrder),
                        Boolean.toString(p.commentsOpen), Boolean.toString(p.sticky), p.excerpt, p.bodyFormat.name(),
                        p.bodyMarkdown, p.bodyHtml));
                for (Comment c : Comment.<Comment> list("post = ?1 order by createdAt, authorName", p)) {
                    StringBuilder chain = new StringBuilder();
                    for (Comment a = c.parent; a != null; a = a.parent) {
                        chain.append(a.authorName).append('<');
                    }
                    lines.add("  " + String.join(" | ", c.authorName, String.valueOf(c.authorEmail),
                            String.valueOf(c.authorUrl), c.status.name(), time(c.createdAt), chain.toString(),
                            Integer.toString(c.depth), c.bodyFormat.name(), c.bodyMarkdown, c.bodyHtml));
                }
            }
            return lines;
        });
    }

    private static String time(Instant at) {
        return at == null ? "-" : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private void emptyTheSite() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String sql : List.of("delete from wxr_link", "delete from moderation_action",
                    "delete from comment_revision", "delete from subscription", "update comment set parent_id = null",
                    "delete from comment", "delete from post_tag", "delete from slug_redirect",
                    "update post set parent_id = null", "delete from post", "delete from tag",
                    "update category set parent_id = null", "delete from category where slug <> 'uncategorized'",
                    "delete from login_identity where provider = 'wordpress'",
                    "delete from account where id not in (select account_id from login_identity)")) {
                em.createNativeQuery(sql).executeUpdate();
            }
        });
    }
}
