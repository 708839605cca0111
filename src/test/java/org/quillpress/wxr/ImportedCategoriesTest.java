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
        // WordPress sorts a post's categories by name in its export, but keeps post meta: the main one is named there
        assertThat(item).contains("<wp:meta_key><![CDATA[_quillpress_main_category]]></wp:meta_key>\n"
                + "<wp:meta_value><![CDATA[tide-tables]]></wp:meta_value>");
    }

    @Test
    void theMainCategoryNamedInThePostsMetaComesFirstWhateverOrderWordPressWroteThem() {
        // the file as WordPress exports a post of ours: its categories by name, our meta kept
        String xml = WxrFixtures.resource("terms-several-categories.xml")
                .replace("harbour-terms.example", "harbour-terms-sorted.example")
                .replace("three-sections-at-once", "three-sections-sorted")
                .replace("""
                            <category domain="category" nicename="tide-tables"><![CDATA[Tide tables]]></category>
                            <category domain="category" nicename="piers"><![CDATA[Piers]]></category>
                            <category domain="category" nicename="harbour-walks"><![CDATA[Harbour walks]]></category>
                        """,
                        """
                                    <category domain="category" nicename="harbour-walks"><![CDATA[Harbour walks]]></category>
                                    <category domain="category" nicename="piers"><![CDATA[Piers]]></category>
                                    <category domain="category" nicename="tide-tables"><![CDATA[Tide tables]]></category>
                                    <wp:postmeta><wp:meta_key><![CDATA[_quillpress_main_category]]></wp:meta_key><wp:meta_value><![CDATA[tide-tables]]></wp:meta_value></wp:postmeta>
                                """);
        assertThat(xml).contains("_quillpress_main_category");
        fixtures.importText(xml);

        Post post = QuarkusTransaction.requiringNew()
                .call(() -> Post.findBySlugWithDetails("three-sections-sorted").orElseThrow());
        assertThat(post.categories).extracting(c -> c.slug).containsExactly("tide-tables", "harbour-walks", "piers");
        assertThat(WebClient.anonymous().get(Uncached.path("/posts/three-sections-sorted")).asString())
                .contains("posted in <a href=\"/categories/tide-tables\" rel=\"category tag\">Tide tables</a>");
    }
}
