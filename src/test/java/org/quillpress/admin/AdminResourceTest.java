package org.quillpress.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quillpress.account.Account;
import org.quillpress.account.AccountPrincipal;
import org.quillpress.account.AccountService;
import org.quillpress.account.Role;
import org.quillpress.post.Category;
import org.quillpress.post.PostInput;
import org.quillpress.site.SiteSettings;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestPosts;
import org.quillpress.support.WebClient;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class AdminResourceTest {

    @Inject
    SiteSettings settings;

    @Inject
    AccountService accounts;

    @Test
    void guestsAreSentToSignInAndBroughtBackToAdmin() {
        Response response = WebClient.anonymous().get("/admin");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location"))
                .contains("/login?redirect=" + URLEncoder.encode("/admin", StandardCharsets.UTF_8));
    }

    @Test
    void readersAndAuthorsMayNotOpenAdmin() {
        WebClient reader = TestAccounts.create(Role.READER, "Curious Reader").signIn();
        WebClient author = TestAccounts.create(Role.AUTHOR, "Curious Author").signIn();

        for (WebClient client : List.of(reader, author)) {
            Response response = client.get("/admin");
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.asString()).contains("Not allowed").doesNotContain("Site settings");
            assertThat(client.get("/admin/categories").statusCode()).isEqualTo(403);
            assertThat(client.get("/admin/accounts").statusCode()).isEqualTo(403);
        }
    }

    @Test
    void ownerSavesSettingsAndTheHomePageShowsTheNewTitleAndTagline() {
        SiteSettings.Site original = settings.current();
        String title = TestPosts.unique("Tidewater Notes ");
        String tagline = TestPosts.unique("Essays from the shore ");
        WebClient owner = WebClient.owner();
        try {
            Response saved = owner.postForm("/admin/settings",
                    settingsForm(title, tagline, original.description(), perPage(original)), "/admin");

            assertThat(saved.statusCode()).isEqualTo(303);
            assertThat(saved.header("Location")).endsWith("/admin?saved=1");
            String home = WebClient.anonymous().get("/").asString();
            assertThat(home).contains("<a class=\"site-title\" href=\"/\">" + title + "</a>",
                    "<p class=\"tagline\">" + tagline + "</p>");
            assertThat(owner.get("/admin?saved=1").asString()).contains("Settings saved.", "value=\"" + title + "\"");
        } finally {
            settings.save(original);
        }
    }

    @Test
    void emptyTitleAndZeroPostsPerPageAreRefusedAtTheirFieldsKeepingWhatWasTyped() {
        SiteSettings.Site original = settings.current();
        String tagline = TestPosts.unique("Typed tagline ");
        try {
            Response response = WebClient.owner().postForm("/admin/settings",
                    settingsForm("", tagline, "Typed description", "0"), "/admin");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.asString())
                    .contains("Nothing was saved.")
                    .contains("id=\"title-error\">Give the site a title of at most 120 characters.</span>")
                    .contains("id=\"postsPerPage-error\">Choose a number from 1 to 100.</span>")
                    .contains("value=\"" + tagline + "\"", "Typed description</textarea>", "value=\"0\"");
            assertThat(settings.current()).isEqualTo(original);
            assertThat(WebClient.anonymous().get("/").asString()).doesNotContain(tagline);
        } finally {
            settings.save(original);
        }
    }

    @Test
    void postsPerPageThatIsNotANumberIsRefusedKeepingWhatWasTyped() {
        SiteSettings.Site original = settings.current();
        String title = TestPosts.unique("Never Saved ");
        try {
            Response response = WebClient.owner().postForm("/admin/settings",
                    settingsForm(title, original.tagline(), original.description(), "abc"), "/admin");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.asString())
                    .contains("id=\"postsPerPage-error\">Choose a number from 1 to 100.</span>")
                    .contains("value=\"abc\"", "value=\"" + title + "\"")
                    .doesNotContain("id=\"title-error\"");
            assertThat(settings.current()).isEqualTo(original);
            assertThat(WebClient.anonymous().get("/").asString()).doesNotContain(title);
        } finally {
            settings.save(original);
        }
    }

    @Test
    void settingsPostedWithoutCsrfTokenAreRefusedAndNothingChanges() {
        SiteSettings.Site original = settings.current();
        String title = TestPosts.unique("Forged Title ");
        WebClient owner = WebClient.owner();
        owner.get("/admin");
        try {
            Response response = owner.postFormWithoutToken("/admin/settings",
                    settingsForm(title, original.tagline(), original.description(), perPage(original)));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(settings.current().title()).isEqualTo(original.title());
            assertThat(WebClient.anonymous().get("/").asString()).doesNotContain(title);
        } finally {
            settings.save(original);
        }
    }

    @Test
    void addedCategoryIsListedAndCanBeChosenOnTheWritePage() {
        String name = TestPosts.unique("Gardening ");
        String description = TestPosts.unique("Soil and seeds ");
        WebClient owner = WebClient.owner();

        Response added = owner.postForm("/admin/categories", Map.of("name", name, "description", description),
                "/admin/categories");

        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(owner.get("/admin/categories").asString()).contains(">" + name + "</a>", description);
        WebClient author = TestAccounts.create(Role.AUTHOR, "Choosing Author").signIn();
        assertThat(author.get("/write").asString()).contains("<option>" + name + "</option>");
    }

    @Test
    void addingACategoryThatExistsIsAConflict() {
        String name = TestPosts.unique("Cooking ");
        WebClient owner = WebClient.owner();
        assertThat(owner.postForm("/admin/categories", Map.of("name", name), "/admin/categories").statusCode())
                .isEqualTo(303);

        Response again = owner.postForm("/admin/categories", Map.of("name", name.toUpperCase()), "/admin/categories");

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.asString()).contains("id=\"name-error\">There is a category")
                .contains("value=\"" + name.toUpperCase() + "\"");
        String list = owner.get("/admin/categories").asString();
        assertThat(occurrences(list, ">" + name + "</a>")).isEqualTo(1);
        assertThat(list).doesNotContain(">" + name.toUpperCase() + "</a>");
    }

    @Test
    void deletingACategoryMovesItsPostsToUncategorized() {
        String name = TestPosts.unique("Ephemera ");
        WebClient owner = WebClient.owner();
        owner.postForm("/admin/categories", Map.of("name", name), "/admin/categories");
        Category category = categoryNamed(name);
        AccountPrincipal author = TestAccounts.create(Role.AUTHOR, "Filing Author").principal();
        String slug = TestPosts.save(author, new PostInput(TestPosts.unique("Filed away "), "A post with a home.", null,
                List.of(), name, null, "PUBLISHED", null, true, null, null, null, null));
        assertThat(WebClient.anonymous().get("/posts/" + slug).asString()).contains("rel=\"category tag\">" + name + "<");

        Response deleted = owner.postForm("/admin/categories/" + category.id + "/delete", Map.of(), "/admin/categories");

        assertThat(deleted.statusCode()).isEqualTo(303);
        String post = WebClient.anonymous().get("/posts/" + slug).asString();
        assertThat(post).contains("rel=\"category tag\">Uncategorized</a>").doesNotContain(name);
        assertThat(owner.get("/admin/categories").asString()).doesNotContain(name);
        assertThat(WebClient.anonymous().get("/categories/" + category.slug).statusCode()).isEqualTo(404);
    }

    @Test
    void uncategorizedCannotBeDeleted() {
        AccountPrincipal author = TestAccounts.create(Role.AUTHOR, "Plain Author").principal();
        String slug = TestPosts.publish(author, TestPosts.unique("Unfiled "), "No category chosen.", List.of());
        Category uncategorized = QuarkusTransaction.requiringNew()
                .call(() -> Category.findBySlug(Category.DEFAULT_SLUG).orElseThrow());
        WebClient owner = WebClient.owner();

        Response response = owner.postForm("/admin/categories/" + uncategorized.id + "/delete", Map.of(),
                "/admin/categories");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.asString()).contains("cannot be deleted");
        assertThat(owner.get("/admin/categories").asString()).contains(">Uncategorized</a>");
        assertThat(WebClient.anonymous().get("/posts/" + slug).asString())
                .contains("rel=\"category tag\">Uncategorized</a>");
    }

    @Test
    void readerMadeAuthorCanOpenTheWritePage() {
        TestAccounts.Created reader = TestAccounts.create(Role.READER, "Promoted Reader");
        WebClient readerClient = reader.signIn();
        assertThat(readerClient.get("/write").statusCode()).isEqualTo(403);

        Response response = WebClient.owner().postForm("/admin/accounts/" + reader.principal().id() + "/role",
                Map.of("role", "AUTHOR"), "/admin/accounts");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(readerClient.get("/write").statusCode()).isEqualTo(200);
        assertThat(reader.signIn().get("/write").asString()).contains("Write a new post");
    }

    @Test
    void theLastAdminCannotBeDemoted() {
        long ownerId = TestAccounts.owner().id();
        // the rule is site-wide: admins made by other tests would hide it, so they step down for a moment
        List<Long> otherAdmins = QuarkusTransaction.requiringNew().call(() -> Account
                .<Account> list("role = ?1 and id <> ?2", Role.ADMIN, ownerId).stream().map(a -> a.id).toList());
        otherAdmins.forEach(id -> accounts.setRole(id, Role.MODERATOR));
        WebClient owner = WebClient.owner();
        try {
            Response response = owner.postForm("/admin/accounts/" + ownerId + "/role", Map.of("role", "AUTHOR"),
                    "/admin/accounts");

            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(response.asString()).contains("The site needs at least one admin.");
            assertThat(owner.get("/admin").statusCode()).isEqualTo(200);
        } finally {
            accounts.setRole(ownerId, Role.ADMIN);
            otherAdmins.forEach(id -> accounts.setRole(id, Role.ADMIN));
        }
    }

    private static Map<String, String> settingsForm(String title, String tagline, String description,
            String postsPerPage) {
        return Map.of("title", title, "tagline", tagline, "description", description, "postsPerPage", postsPerPage);
    }

    private static String perPage(SiteSettings.Site site) {
        return Integer.toString(site.postsPerPage());
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    private static Category categoryNamed(String name) {
        return QuarkusTransaction.requiringNew().call(() -> Category.findByName(name).orElseThrow());
    }
}
