package org.quillpress.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quillpress.account.Role;
import org.quillpress.post.Category;
import org.quillpress.post.Post;
import org.quillpress.post.PostInput;
import org.quillpress.post.Tag;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestPosts;
import org.quillpress.support.Uncached;
import org.quillpress.support.WebClient;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Staff reorganise categories and tags; readers' old addresses keep working. */
@QuarkusTest
class TermsResourceTest {

    private WebClient owner;

    @BeforeEach
    void signInAsOwner() {
        owner = WebClient.owner();
    }

    private Category add(String name, Category parent) {
        Response added = owner.postForm("/admin/categories",
                Map.of("name", name, "parent", parent == null ? "" : parent.id.toString()), "/admin/categories");
        assertThat(added.statusCode()).isEqualTo(303);
        return QuarkusTransaction.requiringNew().call(() -> Category.findByName(name).orElseThrow());
    }

    private static String publishIn(String title, String... categories) {
        return TestPosts.save(TestAccounts.owner(), new PostInput(title, "x", null, List.of(), null, null, "PUBLISHED",
                null, true, null, null, null, null, List.of(categories)));
    }

    private static List<String> categoriesOf(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> Post.findBySlugWithDetails(slug).orElseThrow().categories
                .stream().map(c -> c.slug).toList());
    }

    private static void assertRedirects(String from, String to) {
        Response response = WebClient.anonymous().get(Uncached.path(from));
        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.header("Location")).endsWith(to);
    }

    @Test
    void aSubcategoryIsListedUnderItsParentAndItsPostsShowOnTheParentsPage() {
        Category parent = add(TestPosts.unique("Rivers "), null);
        Category child = add(TestPosts.unique("Estuaries "), parent);
        String title = TestPosts.unique("Mud flats ");
        publishIn(title, child.name);

        String list = owner.get("/admin/categories").asString();
        assertThat(list).containsSubsequence(">" + parent.name + "</a>",
                "<span aria-hidden=\"true\">— </span><a href=\"/categories/" + child.slug + "\">" + child.name);
        assertThat(WebClient.anonymous().get(Uncached.path("/categories/" + parent.slug)).asString()).contains(title);
    }

    @Test
    void renamingKeepsTheOldAddressRedirectingAndATakenSlugIsAConflict() {
        Category category = add(TestPosts.unique("Boats "), null);
        Category other = add(TestPosts.unique("Ships "), null);
        String first = category.slug;
        String page = "/admin/categories/" + category.id;

        Response renamed = owner.postForm(page + "/rename", Map.of("name", "Vessels " + first, "slug",
                "vessels-" + first), page);
        assertThat(renamed.statusCode()).isEqualTo(303);
        assertRedirects("/categories/" + first, "/categories/vessels-" + first);
        assertRedirects("/categories/" + first + "/feed", "/categories/vessels-" + first + "/feed");
        assertRedirects("/categories/" + first + "/feed/rss", "/categories/vessels-" + first + "/feed/rss");

        owner.postForm(page + "/rename", Map.of("name", "Craft " + first, "slug", "craft-" + first), page);
        assertRedirects("/categories/" + first, "/categories/craft-" + first);
        assertRedirects("/categories/vessels-" + first, "/categories/craft-" + first);
        assertThat(WebClient.anonymous().get(Uncached.path("/categories/craft-" + first)).asString())
                .contains("Craft " + first);

        Response taken = owner.postForm(page + "/rename", Map.of("name", "Anything", "slug", other.slug), page);
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.asString()).contains("id=\"slug-error\">Another category already uses");
    }

    @Test
    void aCategoryCannotMoveUnderItselfOrItsOwnSubcategory() {
        Category top = add(TestPosts.unique("Weather "), null);
        Category middle = add(TestPosts.unique("Storms "), top);
        Category bottom = add(TestPosts.unique("Gales "), middle);
        String page = "/admin/categories/" + top.id;

        for (Category below : List.of(top, bottom)) {
            Response refused = owner.postForm(page + "/move", Map.of("parent", below.id.toString()), page);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.asString()).contains("id=\"parent-error\"").contains("cannot go under itself");
        }
        assertThat(parentSlug(top)).isNull();

        Response moved = owner.postForm("/admin/categories/" + bottom.id + "/move", Map.of("parent", ""),
                "/admin/categories/" + bottom.id);
        assertThat(moved.statusCode()).isEqualTo(303);
        assertThat(parentSlug(bottom)).isNull();
    }

    @Test
    void mergingMovesPostsAndTheAddressAndNeverIntoItself() {
        Category from = add(TestPosts.unique("Knots "), null);
        Category into = add(TestPosts.unique("Ropes "), null);
        Category sub = add(TestPosts.unique("Splices "), from);
        String onlyFrom = publishIn(TestPosts.unique("Bowline "), from.name);
        String both = publishIn(TestPosts.unique("Hitch "), from.name, into.name);
        String page = "/admin/categories/" + from.id;

        Response self = owner.postForm(page + "/merge", Map.of("into", from.id.toString()), page);
        assertThat(self.statusCode()).isEqualTo(400);
        assertThat(self.asString()).contains("id=\"into-error\">A category cannot be merged into itself.");

        Response merged = owner.postForm(page + "/merge", Map.of("into", into.id.toString()), page);
        assertThat(merged.statusCode()).isEqualTo(303);
        assertThat(categoriesOf(onlyFrom)).containsExactly(into.slug);
        assertThat(categoriesOf(both)).containsExactly(into.slug);
        assertRedirects("/categories/" + from.slug, "/categories/" + into.slug);
        assertThat(parentSlug(sub)).isNull();
        assertThat(WebClient.anonymous().get("/posts/" + onlyFrom).asString())
                .contains("rel=\"category tag\">" + into.name + "</a>");
    }

    @Test
    void deletingMovesPostsToTheChosenCategory() {
        Category gone = add(TestPosts.unique("Flotsam "), null);
        Category kept = add(TestPosts.unique("Jetsam "), null);
        String second = publishIn(TestPosts.unique("Driftwood "), kept.name, gone.name);
        String only = publishIn(TestPosts.unique("Bottle "), gone.name);
        String page = "/admin/categories/" + gone.id;

        Response self = owner.postForm(page + "/delete", Map.of("moveTo", gone.id.toString()), page);
        assertThat(self.statusCode()).isEqualTo(400);
        assertThat(self.asString()).contains("id=\"moveTo-error\"");

        Response deleted = owner.postForm(page + "/delete", Map.of("moveTo", kept.id.toString()), page);
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(categoriesOf(only)).containsExactly(kept.slug);
        assertThat(categoriesOf(second)).containsExactly(kept.slug);
        assertThat(WebClient.anonymous().get(Uncached.path("/categories/" + gone.slug)).statusCode()).isEqualTo(404);
    }

    @Test
    void onlyStaffWhoManageCategoriesReachThesePages() {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Curious Author").signIn();
        assertThat(author.get("/admin/categories").statusCode()).isEqualTo(403);
        assertThat(author.get("/admin/tags").statusCode()).isEqualTo(403);
    }

    @Test
    void tagsAreListedWithCountsRenamedAndMerged() {
        String fog = TestPosts.unique("fog");
        String mist = TestPosts.unique("mist");
        String a = TestPosts.publish(TestAccounts.owner(), TestPosts.unique("Foggy "), "x", List.of(fog));
        String b = TestPosts.publish(TestAccounts.owner(), TestPosts.unique("Misty "), "x", List.of(fog, mist));
        Tag fogTag = tagNamed(fog);
        Tag mistTag = tagNamed(mist);

        assertThat(owner.get("/admin/tags").asString())
                .containsSubsequence(">" + fog + "</a></td>", "<td>" + fogTag.slug + "</td>", "<td>2</td>");

        String page = "/admin/tags/" + fogTag.id;
        Response renamed = owner.postForm(page + "/rename", Map.of("name", "Sea fog", "slug", "sea-" + fogTag.slug),
                page);
        assertThat(renamed.statusCode()).isEqualTo(303);
        assertRedirects("/tags/" + fogTag.slug, "/tags/sea-" + fogTag.slug);
        assertRedirects("/tags/" + fogTag.slug + "/feed", "/tags/sea-" + fogTag.slug + "/feed");

        Response self = owner.postForm(page + "/merge", Map.of("into", fogTag.id.toString()), page);
        assertThat(self.statusCode()).isEqualTo(400);
        assertThat(self.asString()).contains("id=\"into-error\">A tag cannot be merged into itself.");

        Response merged = owner.postForm(page + "/merge", Map.of("into", mistTag.id.toString()), page);
        assertThat(merged.statusCode()).isEqualTo(303);
        assertRedirects("/tags/" + fogTag.slug, "/tags/" + mistTag.slug);
        assertRedirects("/tags/sea-" + fogTag.slug, "/tags/" + mistTag.slug);
        assertThat(WebClient.anonymous().get("/posts/" + a).asString()).contains(">" + mist + "</a>");
        String both = WebClient.anonymous().get("/posts/" + b).asString();
        assertThat(both.split(">" + mist + "</a>", -1)).hasSize(2);
    }

    private static Tag tagNamed(String name) {
        return QuarkusTransaction.requiringNew().call(() -> Tag.<Tag> find("name", name).firstResult());
    }

    private static String parentSlug(Category category) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Category c = Category.findById(category.id);
            return c.parent == null ? null : c.parent.slug;
        });
    }
}
