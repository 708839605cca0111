package org.quillpress.wxr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Attachment ids in a WordPress body: read for the import, renumbered for the export. */
class AttachmentReferencesTest {

    private static final String BODY = """
            [caption id="attachment_201" align="alignright" width="300"]<img class="size-medium wp-image-201" src="a.jpg" /> A[/caption]
            [gallery ids="201, 202,9" columns="3"]
            <!-- wp:image {"id":203,"sizeSlug":"large"} -->
            <figure class="wp-block-image"><img src="b.jpg" class="wp-image-203"/></figure>
            <!-- /wp:image -->
            <!-- wp:gallery {"ids":[202,203],"linkTo":"none"} -->
            <figure class="wp-block-gallery"><img data-id="202" class="wp-image-202" src="c.jpg"/></figure>
            <!-- /wp:gallery -->
            <p>Room 201 is not an attachment: {"id":201} outside a media block stays.</p>""";

    @Test
    void readsTheIdsGalleriesAndImagesName() {
        assertThat(AttachmentReferences.ids(BODY)).containsExactly(201L, 202L, 9L, 203L);
    }

    @Test
    void renumbersEveryReferenceItKnowsAndLeavesTheRest() {
        Map<Long, Long> to = Map.of(201L, 6L, 202L, 7L, 203L, 8L);
        String renumbered = AttachmentReferences.renumber(BODY, id -> Optional.ofNullable(to.get(id)));

        assertThat(renumbered)
                .contains("[caption id=\"attachment_6\"", "wp-image-6\"", "[gallery ids=\"6, 7,9\" columns=\"3\"]",
                        "<!-- wp:image {\"id\":8,\"sizeSlug\":\"large\"} -->", "class=\"wp-image-8\"",
                        "<!-- wp:gallery {\"ids\":[7,8],\"linkTo\":\"none\"} -->", "data-id=\"7\" class=\"wp-image-7\"",
                        "Room 201 is not an attachment: {\"id\":201} outside")
                .doesNotContain("wp-image-20", "attachment_201");
    }
}
