package org.quillpress.comment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.quillpress.account.Role;
import org.quillpress.post.PostInput;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestPosts;
import org.quillpress.support.WebClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** An unpublished post does not exist for those who cannot edit it, not even through the comment form's pages. */
@QuarkusTest
class DraftLeakTest {

    @Test
    void theReplyPageAndThePreviewOfADraftAreNotFound() {
        String title = TestPosts.unique("Secret merger okapi ");
        String slug = TestPosts.save(TestAccounts.owner(), new PostInput(title, "not yet", null, List.of(), null, null,
                "DRAFT", null, true, null, null, null, null));

        Response reply = given().get("/posts/" + slug + "/comments/1/reply");
        assertThat(reply.statusCode()).isEqualTo(404);
        assertThat(reply.asString()).doesNotContain("okapi");

        WebClient reader = TestAccounts.create(Role.READER, "Nosy Reader").signIn();
        Response preview = reader.postForm("/posts/" + slug + "/comments",
                Map.of("body", "Peek", "action", "preview"), "/");
        assertThat(preview.statusCode()).isEqualTo(404);
        assertThat(preview.asString()).doesNotContain("okapi");

        // whoever may edit the draft still sees it
        assertThat(WebClient.owner().get("/posts/" + slug + "/comments/1/reply").asString()).contains("okapi");
    }
}
