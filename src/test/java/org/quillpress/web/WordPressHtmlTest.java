package org.quillpress.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.quillpress.web.WordPressHtml.Attachments;
import org.quillpress.web.WordPressHtml.Image;
import org.quillpress.web.WordPressHtml.Rendered;

import io.quarkus.test.junit.QuarkusTest;

/**
 * WordPress content rendered by WordPress's rules, then through the post sanitizer, as a reader gets it. A Quarkus
 * test: the words the renderer writes come from the site's language bundles.
 */
@QuarkusTest
class WordPressHtmlTest {

    private final Markdown markdown = new Markdown();

    private Rendered render(String source) {
        return markdown.renderWordPress(source, Attachments.NONE);
    }

    private String html(String source) {
        return render(source).html();
    }

    private static String fixture(String name) {
        try (InputStream in = WordPressHtmlTest.class.getResourceAsStream("/wordpress/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int count(String html, String needle) {
        int n = 0;
        for (int at = html.indexOf(needle); at >= 0; at = html.indexOf(needle, at + needle.length())) {
            n++;
        }
        return n;
    }

    private static String between(String html, String open, String close) {
        return html.substring(html.indexOf(open), html.lastIndexOf(close) + close.length());
    }

    @Test
    void blankLinesMakeParagraphsAndSingleLineBreaksBreaks() {
        assertThat(WordPressHtml.toHtml("One\ntwo\n\nThree")).isEqualTo("<p>One<br />\ntwo</p>\n<p>Three</p>\n");
    }

    @Test
    void aTableStaysOneTableWithNoParagraphOrBreakBetweenItsCells() {
        String html = html(fixture("table.html"));

        assertThat(count(html, "<table")).isEqualTo(1);
        assertThat(count(html, "<tr>")).isEqualTo(3);
        String table = between(html, "<table", "</table>");
        assertThat(table).doesNotContain("<p>").doesNotContainPattern("</t[dhr]>\\s*<br").doesNotContainPattern(
                "<(tr|tbody|thead)>\\s*<br");
        // a line break inside a cell's text is the author's: kept, as WordPress keeps it
        assertThat(table).contains("South<br />");
        assertThat(html).startsWith("<p>Before the table.</p>").contains("<p>After the table.</p>");
    }

    @Test
    void aListStartingAtEightKeepsItsStartAndHasNoEmptyItems() {
        String html = html(fixture("lists.html"));

        assertThat(html).contains("<ol start=\"8\">");
        assertThat(count(html, "<li>")).isEqualTo(6);
        assertThat(html).doesNotContainPattern("<li>\\s*</li>").doesNotContain("<li><p>").doesNotContain("<ul><br");
        assertThat(between(html, "<ol", "</ol>")).doesNotContain("<p>");
        assertThat(html).startsWith("<p>Steps:</p>");
    }

    @Test
    void preformattedTextKeepsItsBlankLinesAndGetsNoBreaks() {
        String html = html("Code:\n\n<pre>line one\n\nline three</pre>\n\nAfter.");

        assertThat(html).contains("<pre>line one\n\nline three</pre>").contains("<p>After.</p>");
    }

    @Test
    void blockElementsAreNotWrappedInParagraphs() {
        String html = WordPressHtml.toHtml("<div>\n<h2>Title</h2>\n\n<blockquote>Quoted\nwords</blockquote>\n</div>");

        assertThat(html).doesNotContain("<p><div").doesNotContain("<p><h2").contains("<blockquote><p>Quoted<br />");
    }

    @Test
    void aCaptionBecomesAFigureWithItsCaptionAndAlignment() {
        String html = html("[caption id=\"attachment_6\" align=\"alignright\" width=\"300\"]"
                + "<a href=\"https://harbour.example/boat.jpg\"><img class=\"size-medium wp-image-6\" "
                + "src=\"https://harbour.example/boat-300x200.jpg\" alt=\"Boat\" width=\"300\" height=\"200\" /></a>"
                + " The boat at dawn[/caption]\n\nText after.");

        assertThat(html).contains("<figure class=\"wp-caption alignright\">")
                .contains("class=\"size-medium wp-image-6\"").contains("width=\"300\"")
                .contains("<figcaption class=\"wp-caption-text\">The boat at dawn</figcaption></figure>")
                .doesNotContain("<p><figure").doesNotContain("[caption");
    }

    @Test
    void aGalleryOfKnownImagesIsAGridAndOneOfUnknownImagesIsReported() {
        Attachments known = new Attachments() {
            @Override
            public Optional<Image> image(long wpId) {
                return wpId == 7 || wpId == 8
                        ? Optional.of(new Image("https://harbour.example/" + wpId + ".jpg", "Photo " + wpId, null))
                        : Optional.empty();
            }

            @Override
            public List<Image> ofPost() {
                return List.of();
            }
        };
        Rendered grid = markdown.renderWordPress("[gallery columns=\"2\" ids=\"7,8\"]", known);
        assertThat(grid.html()).contains("<div class=\"gallery columns-2\">")
                .contains("<img src=\"https://harbour.example/7.jpg\" alt=\"Photo 7\" />")
                .contains("<img src=\"https://harbour.example/8.jpg\"");
        assertThat(grid.notRendered()).isEmpty();

        Rendered unknown = render("Look:\n\n[gallery ids=\"1,2\"]");
        assertThat(unknown.html()).doesNotContain("gallery");
        assertThat(unknown.notRendered()).containsExactly("[gallery] (its images are not in the export)");
    }

    @Test
    void audioAndVideoBecomeTheBrowsersPlayers() {
        String html = html("[audio mp3=\"https://harbour.example/song.mp3\"]\n\n"
                + "[video width=\"640\" height=\"360\" mp4=\"https://harbour.example/clip.mp4\"][/video]");

        assertThat(html).contains("<audio class=\"wp-audio-shortcode\" controls=\"controls\" preload=\"none\" "
                + "src=\"https://harbour.example/song.mp3\">")
                .contains("<video class=\"wp-video-shortcode\" controls=\"controls\" preload=\"metadata\" "
                        + "src=\"https://harbour.example/clip.mp4\" width=\"640\" height=\"360\">");
    }

    @Test
    void embedsAndLoneVideoOrSocialLinksBecomeLinkCardsThatLoadNothing() {
        String html = html("Watch:\n\nhttps://www.youtube.com/watch?v=abc123\n\n"
                + "[embed]https://vimeo.com/12345[/embed]\n\nhttps://x.com/harbourmaster/status/99\n\n"
                + "https://harbour.example/not-a-provider\n\nSee https://youtu.be/xyz inline.");

        assertThat(count(html, "<figure class=\"embed-card\">")).isEqualTo(3);
        assertThat(html).contains("<a href=\"https://www.youtube.com/watch?v&#61;abc123\" rel=\"noopener\">"
                + "<span class=\"embed-card-site\">YouTube</span>")
                .contains("Post by &#64;harbourmaster on X").contains("Video on Vimeo")
                .doesNotContain("<iframe").doesNotContain("<script")
                .contains("<p>https://harbour.example/not-a-provider</p>")
                .contains("<p>See https://youtu.be/xyz inline.</p>");
    }

    @Test
    void blocksKeepTheirSavedHtmlAndLayoutClassesAndDynamicOrForeignBlocksAreReported() {
        Rendered rendered = render(fixture("blocks.html"));
        String html = rendered.html();

        assertThat(html).contains("<p class=\"has-text-align-center\">Centred words.</p>")
                .contains("<figure class=\"wp-block-image alignright size-large\">")
                .contains("class=\"wp-image-12\"")
                .contains("<div class=\"wp-block-columns\">").contains("<div class=\"wp-block-column\">")
                .contains("<hr class=\"wp-block-separator\" />")
                .contains("<figure class=\"wp-block-pullquote\"><blockquote><p>Said well.</p><cite>Someone</cite>")
                .contains("<figure class=\"embed-card\">")
                .doesNotContain("<!--").doesNotContain("<p><div").doesNotContain("<br");
        assertThat(rendered.notRendered()).containsExactly("block latest-posts", "block jetpack/slideshow");
    }

    @Test
    void otherShortcodesStayAsTextAndAreNamedAndEscapedOnesAreText() {
        Rendered rendered = render("[contact-form-7 id=\"4\"]\n\nWrite [[gallery]] to show a gallery.");

        assertThat(rendered.html()).contains("[contact-form-7 id&#61;&#34;4&#34;]")
                .contains("Write [gallery] to show a gallery.");
        assertThat(rendered.notRendered()).containsExactly("[contact-form-7]");
    }

    @Test
    void onlyAllowListedClassesAndTextAlignSurviveAndScriptsNever() {
        String html = html("<p class=\"evil alignleft site-header\" style=\"text-align: center; position: fixed\" "
                + "onclick=\"x()\">Hi</p>\n<script>alert(1)</script><img src=\"javascript:alert(1)\" onerror=\"x()\">");

        assertThat(html).contains("<p class=\"alignleft\" style=\"text-align:center\">Hi</p>")
                .doesNotContain("evil").doesNotContain("site-header").doesNotContain("position")
                .doesNotContain("onclick").doesNotContain("script").doesNotContain("javascript")
                .doesNotContain("onerror");
    }

    @Test
    void textLookingLikeAPlaceholderBreaksNothing() {
        assertThat(html("[embed]https://vimeo.com/1[/embed]\n\n<pre qp-stash-7></pre>\n\n"
                + "<pre qp-stash-99999999999></pre>\n\nStill here.")).contains("<p>Still here.</p>")
                .contains("Video on Vimeo");
    }

    @Test
    void shortcodeAttributesAreReadAsWordPressReadsThem() {
        assertThat(WordPressShortcodes.attributes(" ids=\"1,2\" columns='4' size=medium link")).isEqualTo(
                Map.of("ids", "1,2", "columns", "4", "size", "medium", "0", "link"));
    }

    @Test
    void commentsGetParagraphsButNoShortcodes() {
        assertThat(WordPressHtml.commentToHtml("Nice [gallery ids=\"1\"]\nthanks"))
                .isEqualTo("<p>Nice [gallery ids=\"1\"]<br />\nthanks</p>\n");
    }
}
