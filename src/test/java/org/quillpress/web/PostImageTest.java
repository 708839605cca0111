package org.quillpress.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The image attributes a post may carry pass the sanitizer only with values the renderer itself would write. */
@QuarkusTest
class PostImageTest {

    @Inject
    Markdown markdown;

    @Test
    void onlySameSiteCandidatesAndPlainNumbersSurviveInRawHtml() {
        String html = markdown.renderPost("<img src=\"/a.png\" alt=\"a\" width=\"100%\" height=\"1e9\" "
                + "srcset=\"javascript:alert(1) 1w\" sizes=\"expression(alert(1))\" loading=\"x\" decoding=\"x\">\n\n"
                + "<img src=\"/b.png\" alt=\"b\" srcset=\"//evil.example/b.png 480w\">\n\n"
                + "<img src=\"/c.png\" alt=\"c\" width=\"640\" height=\"480\" srcset=\"/c-480.png 480w, /c.png 640w\" "
                + "sizes=\"(max-width: 42rem) 100vw, 42rem\" loading=\"lazy\" decoding=\"async\">");

        assertThat(html).doesNotContain("javascript", "expression", "evil.example", "100%", "1e9", "\"x\"");
        assertThat(html).contains("<img src=\"/c.png\" alt=\"c\" width=\"640\" height=\"480\" "
                + "srcset=\"/c-480.png 480w , /c.png 640w\" sizes=\"(max-width: 42rem) 100vw, 42rem\" loading=\"lazy\" "
                + "decoding=\"async\" />");
    }

    @Test
    void everyImageButTheFirstLoadsLazily() {
        String html = markdown.renderPost("![one](https://example.org/1.png)\n\n![two](https://example.org/2.png)");

        assertThat(html).contains("<img src=\"https://example.org/1.png\" alt=\"one\" decoding=\"async\" />",
                "<img src=\"https://example.org/2.png\" alt=\"two\" loading=\"lazy\" decoding=\"async\" />");
    }

    @Test
    void belowAFeaturedImageEvenTheFirstLoadsLazily() {
        String html = markdown.renderPost("Intro.\n\n![one](https://example.org/1.png)", BodyFormat.MARKDOWN, null,
                true);

        assertThat(html).contains("<img src=\"https://example.org/1.png\" alt=\"one\" loading=\"lazy\" decoding=\"async\" />");
    }
}
