package org.quillpress.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestPosts;
import org.quillpress.support.WebClient;
import org.quillpress.web.Markdown;

import io.quarkus.test.junit.QuarkusTest;

/** Author Markdown is rendered with extensions, and nothing in it can run script where it is shown. */
@QuarkusTest
class MarkdownSafetyTest {

    static final List<String> PAYLOADS = List.of(
            "<script>alert(1)</script>",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "<img src=x onerror=alert(1)>",
            "![x](javascript:alert(1))",
            "<a href=\"javascript:alert(1)\">a</a>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<svg onload=alert(1)>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "<form action=\"https://evil.example\"><button>go</button></form>",
            "<object data=\"x.swf\"></object>",
            "<a href=\"https://ok.example\" onclick=\"alert(1)\">ok</a>",
            "[x](vbscript:msgbox(1))",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>");

    @Inject
    Markdown markdown;

    @Test
    void noPayloadSurvivesRendering() {
        for (String payload : PAYLOADS) {
            String html = markdown.renderPost("Before\n\n" + payload + "\n\nAfter").toLowerCase();
            assertThat(html).as(payload).doesNotContain("<script", "javascript:", "vbscript:", "onerror", "onload",
                    "onclick", "data:text", "<iframe", "<svg", "<form", "<object", "style=", "<style");
        }
    }

    @Test
    void markdownExtensionsRender() {
        String html = markdown.renderPost("""
                | a | b |
                |---|---|
                | 1 | 2 |

                ~~gone~~ and https://example.org and `code`

                ```java
                int x = 1;
                ```
                """);
        assertThat(html).contains("<table>", "<td>1</td>", "<del>gone</del>", "<code>code</code>",
                "<a href=\"https://example.org\" rel=\"noopener\">https://example.org</a>",
                "<code class=\"language-java\">");
    }

    @Test
    void aHostilePostIsHarmlessOnItsPageAndInTheApi() {
        String title = "<img src=x onerror=alert(1)> " + TestPosts.unique("Hostile ");
        String slug = TestPosts.publish(TestAccounts.owner(), title, String.join("\n\n", PAYLOADS), List.of());
        String page = WebClient.anonymous().get("/posts/" + slug).asString().toLowerCase();
        // escaped text may mention onerror; a live tag or attribute may not
        assertThat(page).doesNotContain("<img src=x", "<iframe", "<svg", "<object", "<script>alert");
        // inside the rendered body no tag may carry an event handler or a script URL
        String body = page.substring(page.indexOf("<div class=\"post-body"), page.indexOf("<footer class=\"post-footer"));
        assertThat(body).doesNotContainPattern("<[a-z][^>]*\\son[a-z]+\\s*=");
        assertThat(body).doesNotContainPattern("(href|src|action)=\"\\s*(javascript|vbscript|data):");
        assertThat(page).contains("&lt;img src=x onerror=alert(1)&gt;");
        String html = WebClient.anonymous().get("/api/v1/posts/" + slug).jsonPath().getString("html").toLowerCase();
        assertThat(html).doesNotContain("<script", "javascript:", "onerror");
    }
}
