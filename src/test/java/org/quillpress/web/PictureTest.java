package org.quillpress.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The WebP picture around library images, and what an author's own HTML can and cannot do with it. */
class PictureTest {

    static final ImageRenditions.Image STORED = new ImageRenditions.Image("/media/abc-960.jpg", 1600, 1200,
            "/media/abc-480.jpg 480w, /media/abc-960.jpg 960w, /media/abc-1600.jpg 1600w",
            "/media/abc-480.webp 480w, /media/abc-960.webp 960w, /media/abc-1600.webp 1600w");

    @Test
    void aLibraryImageWithASrcsetIsOfferedInWebPAndOthersStayAsTheyAre() {
        String html = "<p><img src=\"/media/abc-960.jpg\" alt=\"A\" width=\"1600\" height=\"1200\" srcset=\"/media/abc-480.jpg 480w\""
                + " sizes=\"(max-width: 42rem) 100vw, 42rem\" /><img src=\"/elsewhere.png\" alt=\"B\" /></p>";

        String offered = Picture.offerWebp(html,
                src -> src.equals("/media/abc-960.jpg") ? Optional.of(STORED) : Optional.empty());

        assertThat(offered).isEqualTo("<p><picture><source type=\"image/webp\" srcset=\"" + STORED.webpSrcset()
                + "\" sizes=\"(max-width: 42rem) 100vw, 42rem\"><img src=\"/media/abc-960.jpg\" alt=\"A\" width=\"1600\""
                + " height=\"1200\" srcset=\"/media/abc-480.jpg 480w\" sizes=\"(max-width: 42rem) 100vw, 42rem\" />"
                + "</picture><img src=\"/elsewhere.png\" alt=\"B\" /></p>");
        assertThat(Picture.withoutWebp(offered)).isEqualTo(html);
    }

    @Test
    void anImageWithoutWebPFilesIsAPlainImg() {
        ImageRenditions.Image jpegOnly = new ImageRenditions.Image(STORED.src(), 1600, 1200, STORED.srcset(), null);

        assertThat(Picture.of(jpegOnly, "Alt \"quoted\" <b>", "featured-image", "100vw", true))
                .isEqualTo("<img class=\"featured-image\" src=\"/media/abc-960.jpg\" srcset=\"" + STORED.srcset()
                        + "\" sizes=\"100vw\" width=\"1600\" height=\"1200\" alt=\"Alt &quot;quoted&quot; &lt;b&gt;\""
                        + " loading=\"lazy\" decoding=\"async\">");
    }

    @Test
    void anAuthorsOwnPictureAndSourceSrcsetDoNotSurviveTheSanitizer() {
        String html = new Markdown().renderPost("<picture><source type=\"image/webp\" srcset=\"/x.webp 480w\""
                + " sizes=\"(max-width: 42rem) 100vw, 42rem\"><img src=\"/x.jpg\" alt=\"x\"></picture>\n\n"
                + "<video controls><source src=\"/clip.mp4\" type=\"video/mp4\" srcset=\"/a.webp 1w\"></video>");

        assertThat(html).doesNotContain("<picture").doesNotContain("srcset").doesNotContain("image/webp")
                .contains("<img src=\"/x.jpg\" alt=\"x\" />").contains("<source src=\"/clip.mp4\" />");
    }
}
