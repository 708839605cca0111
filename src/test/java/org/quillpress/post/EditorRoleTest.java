package org.quillpress.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.quillpress.account.Role;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestPosts;
import org.quillpress.support.WebClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** What an editor may do beyond an author (everyone's posts, categories), and what stays with admins. */
@QuarkusTest
class EditorRoleTest {

    @Test
    void anEditorEditsAndPublishesAnotherAuthorsPost() {
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Edited Author");
        String slug = TestPosts.save(author.principal(), new PostInput(TestPosts.unique("Needs an edit "), "draft text",
                null, List.of(), null, null, "DRAFT", null, true, null, null, null, null));
        WebClient editor = TestAccounts.create(Role.EDITOR, "Eddie Editor").signIn();

        int version = editor.json().get("/api/v1/posts/" + slug).jsonPath().getInt("version");
        Response edited = editor.json().body(Map.of("title", "Edited and published", "body", "better text", "status",
                "PUBLISHED", "slug", slug, "version", version)).put("/api/v1/posts/" + slug);

        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(WebClient.anonymous().get("/posts/" + slug).asString()).contains("Edited and published");
        assertThat(editor.get("/posts/" + slug + "/edit").statusCode()).isEqualTo(200);
    }

    @Test
    void anAuthorStillCannotTouchAnotherAuthorsPost() {
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Owning Author");
        String slug = TestPosts.publish(author.principal(), TestPosts.unique("Not yours "), "text", List.of());
        WebClient other = TestAccounts.create(Role.AUTHOR, "Other Author").signIn();

        assertThat(other.json().body(Map.of("title", "Mine now", "body", "b")).put("/api/v1/posts/" + slug)
                .statusCode()).isEqualTo(404);
        assertThat(other.get("/posts/" + slug + "/edit").statusCode()).isEqualTo(404);
    }

    @Test
    void anEditorManagesCategories() {
        WebClient editor = TestAccounts.create(Role.EDITOR, "Category Editor").signIn();
        String name = TestPosts.unique("Edited category ");

        Response page = editor.get("/admin/categories");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains("aria-label=\"Admin\"").contains("href=\"/admin/categories\"")
                .doesNotContain("href=\"/admin/accounts\"");
        assertThat(editor.postForm("/admin/categories", Map.of("name", name, "description", ""), "/admin/categories")
                .statusCode()).isEqualTo(303);
        assertThat(editor.get("/admin/categories").asString()).contains(name);
    }

    @Test
    void anEditorChangesNeitherSettingsNorRolesAndDoesNotModerate() {
        TestAccounts.Created reader = TestAccounts.create(Role.READER, "Promoted Reader");
        WebClient editor = TestAccounts.create(Role.EDITOR, "Limited Editor").signIn();

        assertThat(editor.get("/admin").statusCode()).isEqualTo(403);
        assertThat(editor.get("/admin/accounts").statusCode()).isEqualTo(403);
        assertThat(editor.postForm("/admin/accounts/" + reader.principal().id() + "/role", Map.of("role", "ADMIN"),
                "/write").statusCode()).isEqualTo(403);
        assertThat(editor.get("/moderation").statusCode()).isEqualTo(403);
    }

    @Test
    void theRoleRuleItself() {
        assertThat(Role.EDITOR.editsAllPosts()).isTrue();
        assertThat(Role.ADMIN.editsAllPosts()).isTrue();
        assertThat(Role.AUTHOR.editsAllPosts()).isFalse();
        assertThat(Role.EDITOR.atLeast(Role.AUTHOR)).isTrue();
        assertThat(Role.EDITOR.atLeast(Role.MODERATOR)).isFalse();
    }
}
