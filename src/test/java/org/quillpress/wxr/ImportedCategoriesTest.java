package org.quillpress.wxr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quillpress.post.Post;
import org.quillpress.support.Uncached;
import org.quillpress.support.WebClient;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Every category WordPress gave a post comes in, and goes out again in an export. */
@QuarkusTest
class ImportedCategoriesTest {

    @Inject
    WxrFixtures fixtures;

    @Inject
    WxrExporter exporter;

    @BeforeEach
    void importTheFile() {
        fixtures.importResource("terms-several-categories.xml");
    }

    @Test
    void aPostKeepsEveryCategoryInTheFilesOrder() {
        Post post = QuarkusTransaction.requiringNew()
                .call(() -> Post.findBySlugWithDetails("three-sections-at-once").orElseThrow());
        assertThat(post.categories).extracting(c -> c.slug).containsExactly("tide-tables", "piers", "harbour-walks");
        assertThat(post.category.slug).isEqualTo("tide-tables");

        for (String slug : new String[] { "tide-tables", "piers", "harbour-walks" }) {
            assertThat(WebClient.anonymous().get(Uncached.path("/categories/" + slug)).asString())
                    .contains("Three sections at once");
        }
    }

    @Test
    void theExportNamesEveryCategoryOfAPost() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.writeWxr(out);
        String xml = out.toString(StandardCharsets.UTF_8);
        String item = xml.substring(xml.indexOf("three-sections-at-once"));
        item = item.substring(0, item.indexOf("</item>"));
        assertThat(item).containsSubsequence("nicename=\"tide-tables\"", "nicename=\"piers\"",
                "nicename=\"harbour-walks\"");
    }
}
