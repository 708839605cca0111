package org.quillpress.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.quillpress.account.Role;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestPosts;
import org.quillpress.support.Uncached;
import org.quillpress.support.WebClient;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** A post in several categories: written by form or API, shown in every archive, feed and the sitemap. */
@QuarkusTest
class SeveralCategoriesTest {

    /** A category made directly, as an admin would on the categories page. */
    static Category category(String name, Category parent) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Category category = new Category();
            category.name = name;
            category.slug = org.quillpress.web.Slugs.of(name);
            category.parent = parent == null ? null : Category.findById(parent.id);
            category.persist();
            return category;
        });
    }

    @Test
    void theApiTakesSeveralCategoriesAndTheFirstIsTheMainOne() {
        Category main = category(TestPosts.unique("Main "), null);
        Category second = category(TestPosts.unique("Second "), null);
        WebClient author = TestAccounts.create(Role.AUTHOR, "Several Api").signIn();
        String title = TestPosts.unique("In two ");

        Response created = author.json().body(Map.of("title", title, "body", "Both.", "status", "PUBLISHED",
                "categories", List.of(main.name, second.name))).post("/api/v1/posts");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.jsonPath().getList("categories", String.class)).containsExactly(main.name, second.name);
        assertThat(created.jsonPath().getString("category")).isEqualTo(main.name);
        String slug = created.jsonPath().getString("slug");

        for (Category c : List.of(main, second)) {
            assertThat(WebClient.anonymous().get(Uncached.path("/categories/" + c.slug)).asString()).contains(title);
        }
        String page = WebClient.anonymous().get("/posts/" + slug).asString();
        assertThat(page).contains("posted in <a href=\"/categories/" + main.slug + "\" rel=\"category tag\">"
                + main.name + "</a> (also in <a href=\"/categories/" + second.slug + "\"");

        // the older single field still works, and names one category
        Response single = author.json().body(Map.of("title", "t", "body", "x", "status", "PUBLISHED", "category",
                second.name)).post("/api/v1/posts");
        assertThat(single.jsonPath().getList("categories", String.class)).containsExactly(second.name);

        Response unknown = author.json().body(Map.of("title", "t", "body", "x", "categories",
                List.of(main.name, "Nowhere at all"))).post("/api/v1/posts");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.jsonPath().getString("errors.categories")).contains("Nowhere at all");
    }

    @Test
    void theWritePageHasAMainCategoryAndBoxesForTheOthers() {
        Category main = category(TestPosts.unique("Form main "), null);
        Category other = category(TestPosts.unique("Form other "), null);
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Several Form");
        WebClient client = author.signIn();
        assertThat(client.get("/write").asString())
                .contains("<legend>Also in these categories</legend>")
                .contains("<input type=\"checkbox\" name=\"categories\" value=\"" + other.name + "\">");

        String title = TestPosts.unique("Form in two ");
        Map<String, Object> form = new HashMap<>();
        form.put("title", title);
        form.put("body", "Two sections.");
        form.put("category", main.name);
        form.put("categories", List.of(other.name, main.name));
        form.put("status", "PUBLISHED");
        form.put("kind", "POST");
        Response saved = client.postForm("/write", form);
        assertThat(saved.statusCode()).isEqualTo(303);
        String slug = saved.header("Location").replaceAll(".*/posts/", "");

        Post post = QuarkusTransaction.requiringNew().call(() -> Post.findBySlugWithDetails(slug).orElseThrow());
        assertThat(post.categories).extracting(c -> c.name).containsExactly(main.name, other.name);
        assertThat(client.get("/posts/" + slug + "/edit").asString())
                .contains("<input type=\"checkbox\" name=\"categories\" value=\"" + other.name + "\" checked>");
        assertThat(WebClient.anonymous().get(Uncached.path("/categories/" + other.slug)).asString()).contains(title);
    }

    @Test
    void aCategoryPageAndFeedHoldItsSubcategoriesPosts() throws Exception {
        Category parent = category(TestPosts.unique("Parent "), null);
        Category child = category(TestPosts.unique("Child "), parent);
        Category grandchild = category(TestPosts.unique("Grandchild "), child);
        String title = TestPosts.unique("Deep down ");
        TestPosts.save(TestAccounts.owner(), new PostInput(title, "x", null, List.of(), null, null, "PUBLISHED", null,
                true, null, null, null, null, List.of(grandchild.name)));

        assertThat(WebClient.anonymous().get(Uncached.path("/categories/" + parent.slug)).asString()).contains(title);
        assertThat(WebClient.anonymous().get(Uncached.path("/categories/" + child.slug)).asString()).contains(title);

        SyndFeed feed = new SyndFeedInput().build(new StringReader(
                WebClient.anonymous().get(Uncached.path("/categories/" + parent.slug + "/feed")).asString()));
        assertThat(feed.getEntries()).extracting(e -> e.getTitle()).containsExactly(title);
    }

    @Test
    void feedsAndTheSitemapNameEveryCategory() throws Exception {
        Category main = category(TestPosts.unique("Feed main "), null);
        Category second = category(TestPosts.unique("Feed second "), null);
        String title = TestPosts.unique("Fed twice ");
        TestPosts.save(TestAccounts.owner(), new PostInput(title, "x", null, List.of(), null, null, "PUBLISHED", null,
                true, null, null, null, null, List.of(main.name, second.name)));

        SyndFeed feed = new SyndFeedInput().build(new StringReader(
                WebClient.anonymous().get(Uncached.path("/categories/" + second.slug + "/feed")).asString()));
        assertThat(feed.getEntries()).hasSize(1);
        assertThat(feed.getEntries().get(0).getCategories()).extracting(SyndCategory::getName)
                .containsExactly(main.name, second.name);

        assertThat(org.quillpress.support.Sitemaps.everything())
                .contains("/categories/" + second.slug + "<");
    }
}
