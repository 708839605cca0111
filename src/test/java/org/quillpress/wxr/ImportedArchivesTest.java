package org.quillpress.wxr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quillpress.support.Uncached;
import org.quillpress.support.WebClient;

import io.quarkus.test.junit.QuarkusTest;

/** Imported posts are on their tags' and categories' archives at once, newest first, and only the visible ones. */
@QuarkusTest
class ImportedArchivesTest {

    @Inject
    WxrFixtures fixtures;

    @Test
    void importedPostsAreOnTheirTermsArchivesNewestFirst() {
        // the blog from a site of its own, so that its terms are new and hold only its posts
        String site = "a" + System.nanoTime();
        String xml = WxrFixtures.resource("lighthouse-1.2.xml");
        for (String name : List.of("coast", "lighthouses", "fog", "night-watch")) {
            xml = xml.replace("nicename=\"" + name + "\"", "nicename=\"" + name + site + "\"")
                    .replace("[CDATA[" + name + "]]", "[CDATA[" + name + site + "]]");
        }
        assertThat(fixtures.importText(xml).error()).isNull();

        String second = "Second post</a></h2>";
        String bold = "return</a></h2>";
        String fog = WebClient.anonymous().get(Uncached.path("/tags/fog" + site)).asString();
        // "Second post" (April 2019) before "<b>Bold</b> ... the fog's return" (March 2019)
        assertThat(fog.indexOf(second)).isGreaterThan(-1).isLessThan(fog.indexOf(bold));

        String lighthouses = WebClient.anonymous().get(Uncached.path("/categories/lighthouses" + site)).asString();
        assertThat(lighthouses.indexOf(second)).isGreaterThan(-1).isLessThan(lighthouses.indexOf(bold));

        // Lighthouses is a subcategory of Coast, and "Second post" is in both: listed once
        String coast = WebClient.anonymous().get(Uncached.path("/categories/coast" + site)).asString();
        assertThat(coast.indexOf(second)).isGreaterThan(-1).isLessThan(coast.indexOf(bold))
                .isEqualTo(coast.lastIndexOf(second));
        assertThat(coast).doesNotContain("DRAFT-TITLE-3310").doesNotContain("SCHEDULED-TITLE-4420")
                .doesNotContain("PRIVATE-TITLE-5530");
    }
}
