package org.quillpress.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.quillpress.account.Role;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestComments;
import org.quillpress.support.TestPosts;
import org.quillpress.support.WebClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Nobody passes for a member of staff: their names are theirs, and their comments say who they are. */
@QuarkusTest
class StaffNamesTest {

    @Test
    void aGuestCannotTakeTheNameOfSomeoneWhoWritesHere() {
        String name = TestPosts.unique("Mona Moder");
        TestAccounts.create(Role.MODERATOR, name);
        String slug = TestPosts.publish(TestAccounts.owner(), TestPosts.unique("Names "), "Body.", List.of());

        for (String typed : List.of(name, "  " + name.toUpperCase() + " ", name.replace(" ", "  "),
                name.replace(" ", ""))) {
            Response refused = TestComments.postAsGuest(slug, typed, TestComments.guestEmail("fake"), null,
                    "Official statement", null, null);
            assertThat(refused.statusCode()).as(typed).isEqualTo(400);
            assertThat(refused.jsonPath().getString("errors.name")).contains("someone who writes for this site");
        }
        // a reader's name is not protected, and a different name is fine
        assertThat(TestComments.postAsGuest(slug, name + " Fan", TestComments.guestEmail("fan"), null, "Hi", null, null)
                .statusCode()).isEqualTo(201);
    }

    @Test
    void aStaffCommentCarriesAStaffBadgeAndTheApiSaysSo() {
        TestAccounts.Created moderator = TestAccounts.create(Role.MODERATOR, TestPosts.unique("Badge Mod "));
        String slug = TestPosts.publish(TestAccounts.owner(), TestPosts.unique("Badges "), "Body.", List.of());
        WebClient client = moderator.signIn();
        long id = TestComments.created(TestComments.postAs(client, slug, "Speaking for the site."));

        String page = WebClient.anonymous().get("/posts/" + slug).asString();
        String item = page.substring(page.indexOf("id=\"comment-" + id + "\""));
        assertThat(item.substring(0, item.indexOf("</header>"))).contains("<span class=\"badge\">Staff</span>");
        List<Map<String, Object>> thread = WebClient.anonymous().get("/api/v1/posts/" + slug + "/comments").jsonPath()
                .getList("$");
        assertThat(thread).anySatisfy(c -> assertThat(c.get("author")).asString().contains("staff=true"));
    }

    @Test
    void namesCompareWithoutCaseSpacesOrLookAlikeForms() {
        assertThat(CommentService.comparableName(" Ann  Lee ")).isEqualTo(CommentService.comparableName("annlee"));
        assertThat(CommentService.comparableName("Ａｎｎ Lee")).isEqualTo("annlee");
        assertThat(CommentService.comparableName("Ann\u200bLee")).isEqualTo("annlee");
    }
}
