package org.quillpress.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.quillpress.account.Role;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.WebClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Drag-and-drop and paste upload come from a static script of this site (the Content-Security-Policy allows
 * no inline script), added to the media library and the write page; without it the file picker remains.
 */
@QuarkusTest
class MediaDropScriptTest {

    @Test
    void theLibraryAndTheWritePageLoadTheDropScriptAndKeepTheFilePicker() {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Dropping Author").signIn();

        String library = author.get("/media").asString();
        String write = author.get("/write").asString();

        assertThat(library).contains("<script src=\"/js/media-drop.js\" defer></script>")
                .contains("type=\"file\"").doesNotContain("<script>");
        assertThat(write).contains("<script src=\"/js/media-drop.js\" defer></script>").doesNotContain("<script>");
        Response script = WebClient.anonymous().get("/js/media-drop.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.contentType()).contains("javascript");
        assertThat(script.asString()).contains("/api/v1/media", "X-CSRF-TOKEN", "DataTransfer");
    }
}
