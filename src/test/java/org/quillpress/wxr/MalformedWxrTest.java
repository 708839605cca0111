package org.quillpress.wxr;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quillpress.post.Post;
import org.quillpress.support.WebClient;
import org.quillpress.wxr.ImportReport.Kind;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MalformedWxrTest {

    @Inject
    WxrFixtures fixtures;

    /** An export of {@code count} small posts from {@code site}, each with a unique slug. */
    static String export(String site, int count) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.0/">
                <channel>
                <link>https://%s</link>
                """.formatted(site));
        for (int i = 1; i <= count; i++) {
            xml.append("<item><title>").append(site).append(" note ").append(i).append("</title>")
                    .append("<content:encoded><![CDATA[Body of note ").append(i).append("]]></content:encoded>")
                    .append("<wp:post_id>").append(i).append("</wp:post_id>")
                    .append("<wp:post_date_gmt>2018-01-01 10:00:00</wp:post_date_gmt>")
                    .append("<wp:post_name>").append(site.replace('.', '-')).append("-note-").append(i)
                    .append("</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>\n");
        }
        return xml.append("</channel>\n</rss>\n").toString();
    }

    private static long postsFrom(String site) {
        String prefix = site.replace('.', '-') + "-note-";
        return QuarkusTransaction.requiringNew().call(() -> Post.count("slug like ?1", prefix + "%"));
    }

    @Test
    void truncatedFileKeepsOnlyTheCompleteBatchesAndNamesTheLine() {
        String whole = export("truncated.example", 250);
        String cut = whole.substring(0, whole.indexOf("truncated.example note 240"));

        ImportReport report = fixtures.importText(cut);

        assertThat(report.error()).contains("line " + cut.split("\n", -1).length)
                .contains("The first 1 batch(es)").contains("\"truncated.example note 200\"");
        assertThat(postsFrom("truncated.example")).isEqualTo(WxrImporter.BATCH_ITEMS);
        assertThat(report.importedCount(Kind.POST)).isEqualTo(WxrImporter.BATCH_ITEMS);
    }

    @Test
    void malformedFileStoresNothingFromItsBrokenBatch() {
        String xml = export("broken.example", 5).replace("<title>broken.example note 4</title>",
                "<title>broken.example note 4</titel>");

        ImportReport report = fixtures.importText(xml);

        assertThat(report.error()).contains("line 9").contains("The XML is broken at column ")
                .contains("Nothing from this file was stored").doesNotContain("must be terminated");
        assertThat(postsFrom("broken.example")).isZero();
    }

    @Test
    void externalEntitiesAreRefused() {
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><link>https://xxe.example</link>
                <item><title>&secret;</title><wp:post_id>1</wp:post_id><wp:post_name>xxe-probe</wp:post_name>
                <wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item></channel></rss>
                """;

        ImportReport report = fixtures.importText(xml);

        assertThat(report.error()).contains("line 4");
        assertThat(WebClient.anonymous().get("/posts/xxe-probe").statusCode()).isEqualTo(404);
    }

    @Test
    void somethingElseThanAnExportIsNamedAsSuch() {
        ImportReport report = fixtures.importText("<?xml version=\"1.0\"?>\n<html><body>hi</body></html>");

        assertThat(report.error()).contains("line 2").contains("not a WordPress export");
    }
}
