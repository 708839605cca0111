package org.quillpress.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quillpress.account.Role;
import org.quillpress.post.Post;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestPosts;
import org.quillpress.support.WebClient;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The write page offers to copy another site's image into the library, without script and before saving. */
@QuarkusTest
class ExternalImageCopyTest {

    private HttpServer otherSite;
    private final byte[] chart = TestImages.jpeg(700, 350);
    private String base;

    @BeforeEach
    void start() throws IOException {
        otherSite = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        otherSite.createContext("/chart.jpg", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
            exchange.sendResponseHeaders(200, chart.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(chart);
            }
        });
        otherSite.start();
        base = "http://127.0.0.1:" + otherSite.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        otherSite.stop(0);
    }

    static Map<String, String> form(String title, String body, String action) {
        return Map.of("title", title, "body", body, "status", "DRAFT", "kind", "POST", "category", "Uncategorized",
                "action", action);
    }

    @Test
    void anAuthorCopiesAnotherSitesImageAndTheBodyThenUsesTheLibrarysAddress() {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Borrowing Author").signIn();
        String external = base + "/chart.jpg";
        String title = TestPosts.unique("Borrowed chart ");
        String body = "Sales:\n\n![The sales chart](" + external + ")\n\n![Ours](/media/x.jpg)\n";

        String preview = author.postForm("/write", form(title, body, "preview"), "/write").asString();
        assertThat(preview).contains("Images from other sites", "<code>" + external + "</code>",
                "value=\"copy-image " + external + "\"", "Copy into the library");

        Response copied = author.postForm("/write", form(title, body, "copy-image " + external), "/write");

        assertThat(copied.statusCode()).isEqualTo(200);
        String page = copied.asString();
        assertThat(page).doesNotContain("<code>" + external).containsPattern(
                "!\\[The sales chart\\]\\(/media/[0-9a-f]{24}-700\\.jpg\\)");
        // the preview shows the library's copy with its widths
        assertThat(page).containsPattern("<img src=\"/media/[0-9a-f]{24}-700\\.jpg\" alt=\"The sales chart\" "
                + "width=\"700\" height=\"350\" srcset=");
        assertThat(author.get("/api/v1/media?q=chart.jpg").jsonPath().getList("originalName")).contains("chart.jpg");
        // nothing is saved until the author saves
        assertThat(QuarkusTransaction.requiringNew().call(() -> Post.count("title", title))).isZero();
    }

    @Test
    void anImageOnAPrivateNetworkIsNotCopiedAndTheTextStays() {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Probing Author").signIn();
        String inside = "http://10.20.30.40/secret.png";
        String body = "![Inside](" + inside + ")";

        Response refused = author.postForm("/write", form("Probe", body, "copy-image " + inside), "/write");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("Not copied:", "private or local address",
                "![Inside](" + inside + ")");
    }
}
