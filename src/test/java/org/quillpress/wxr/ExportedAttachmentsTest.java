package org.quillpress.wxr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quillpress.media.TestImages;
import org.quillpress.web.PublicUrls;

/**
 * The export of an imported WordPress post whose gallery and images come from the media library, as WordPress's
 * importer needs it (found by taking it through a real WordPress, bench/wp-roundtrip.sh): an attachment item for
 * every image the gallery names, the gallery's ids and the images' wp-image-N renumbered to those items' ids
 * (which WordPress keeps), library addresses absolute (WordPress replaces only those with its own), and each
 * attachment attached to and by the author of the post that shows it.
 */
@io.quarkus.test.junit.QuarkusTest
class ExportedAttachmentsTest {

    private static final Pattern ATTACHMENT = Pattern.compile("<item><title>([^<]*)</title>.*?<dc:creator>([^<]*)"
            + "</dc:creator>.*?<wp:post_id>(\\d+)</wp:post_id>.*?<wp:post_parent>(\\d+)</wp:post_parent>"
            + "<wp:post_type>attachment</wp:post_type><wp:attachment_url>([^<]+)</wp:attachment_url>", Pattern.DOTALL);

    @Inject
    WxrFixtures fixtures;

    @Inject
    ImportedAttachments attachments;

    @Inject
    WxrExporter exporter;

    @Inject
    PublicUrls urls;

    @Test
    void aGalleryAndItsImagesNameTheExportsAttachmentItems() throws IOException {
        ImportReport report = fixtures.importResource("roundtrip-site.xml");
        Path uploads = Files.createDirectories(Files.createTempDirectory("rigging-").resolve("2021/05"));
        Files.write(uploads.resolve("mainsail.jpg"), TestImages.jpeg(1200, 800));
        Files.write(uploads.resolve("mast.jpg"), TestImages.jpeg(900, 600));
        Files.write(uploads.resolve("jib.jpg"), TestImages.jpeg(800, 600));
        attachments.bringIn(uploads.getParent().getParent(), false, report);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.writeWxr(out);
        String xml = out.toString(StandardCharsets.UTF_8);

        Map<String, String> idByAlt = new HashMap<>();
        List<String> creators = new ArrayList<>();
        Matcher attachment = ATTACHMENT.matcher(xml);
        String postId = itemOf(xml, "Sails & ropes RIGGING-101").replaceFirst("(?s).*<wp:post_id>(\\d+)<.*", "$1");
        while (attachment.find()) {
            if (attachment.group(1).startsWith("The m") || attachment.group(1).equals("The jib")) {
                idByAlt.put(attachment.group(1), attachment.group(3));
                creators.add(attachment.group(2) + " " + attachment.group(4));
                assertThat(attachment.group(5)).startsWith(urls.base() + "/media/");
            }
        }
        assertThat(idByAlt).containsOnlyKeys("The mainsail", "The mast", "The jib");
        assertThat(creators).containsOnly("mate " + postId);

        String post = itemOf(xml, "Sails & ropes RIGGING-101");
        assertThat(post)
                .contains("[gallery ids=\"" + idByAlt.get("The mainsail") + "," + idByAlt.get("The mast") + ","
                        + idByAlt.get("The jib") + "\" columns=\"3\"]")
                .contains("[caption id=\"attachment_" + idByAlt.get("The mainsail") + "\"")
                .contains("wp-image-" + idByAlt.get("The mainsail") + "\" src=\"" + urls.base() + "/media/")
                .contains("wp-image-" + idByAlt.get("The jib") + "\" src=\"" + urls.base() + "/media/")
                .doesNotContain("src=\"/media/", "wp-image-201", "ids=\"201");
    }

    private static String itemOf(String xml, String title) {
        String item = xml.substring(xml.indexOf("<title><![CDATA[" + title));
        return item.substring(0, item.indexOf("</item>"));
    }
}
