package org.quillpress.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quillpress.account.Role;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestClock;
import org.quillpress.support.TestPosts;
import org.quillpress.support.WebClient;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class WriteResourceTest {

    @Inject
    TestClock clock;

    static Map<String, Object> form(String title, String body) {
        Map<String, Object> form = new HashMap<>();
        form.put("title", title);
        form.put("body", body);
        form.put("tags", "");
        form.put("category", "Uncategorized");
        form.put("status", "PUBLISHED");
        form.put("commentsOpen", "on");
        form.put("kind", "POST");
        form.put("action", "save");
        return form;
    }

    static long postCount() {
        return QuarkusTransaction.requiringNew().call(() -> Post.count());
    }

    @Test
    void guestsAreSentToSignInAndReadersAreRefused() {
        Response guest = WebClient.anonymous().get("/write");
        assertThat(guest.statusCode()).isEqualTo(303);
        assertThat(guest.header("Location")).contains("/login?redirect=%2Fwrite");

        WebClient reader = TestAccounts.create(Role.READER, "Only Reading").signIn();
        assertThat(reader.get("/write").statusCode()).isEqualTo(403);
        Response post = reader.postForm("/write", form("Sneaky", "text"), "/");
        assertThat(post.statusCode()).isEqualTo(403);
    }

    @Test
    void authorPublishesAPostThatLooksLikeAnArticle() {
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Grace Writer");
        WebClient client = author.signIn();
        client.postForm("/account/profile", Map.of("displayName", "Grace Writer", "bio",
                "Grace writes about learning at work.", "website", "https://grace.example.org"), "/account");
        String title = TestPosts.unique("Learning in public ");
        Map<String, Object> form = form(title, "Opening paragraph with *emphasis*.\n\nSecond paragraph.");
        form.put("tags", "learning, Work Life");

        Response saved = client.postForm("/write", form);
        assertThat(saved.statusCode()).isEqualTo(303);
        String location = saved.header("Location");
        assertThat(location).contains("/posts/learning-in-public-");

        String page = WebClient.anonymous().get(location.substring(location.indexOf("/posts/"))).asString();
        assertThat(page).contains("<h1 class=\"p-name\">" + title + "</h1>")
                .contains("<em>emphasis</em>")
                .contains("Grace Writer")
                .contains("Grace writes about learning at work.")
                .contains("This entry was posted in <a href=\"/categories/uncategorized\"")
                .contains("and tagged <a href=\"/tags/learning\" rel=\"tag\">learning</a>, "
                        + "<a href=\"/tags/work-life\" rel=\"tag\">Work Life</a>")
                .contains("rel=\"bookmark\"")
                .contains("<meta name=\"description\" content=\"Opening paragraph with emphasis.\">")
                .contains("<link rel=\"canonical\"")
                .contains("og:title");
        assertThat(WebClient.anonymous().get("/").asString()).contains(title).contains("Opening paragraph with emphasis.");
    }

    @Test
    void previewRendersTheBodyWithoutSavingAnything() {
        WebClient client = TestAccounts.create(Role.AUTHOR, "Preview Author").signIn();
        long before = postCount();
        Map<String, Object> form = form("Not yet", "Some **bold** words");
        form.put("action", "preview");

        Response response = client.postForm("/write", form);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.asString()).contains("<strong>bold</strong>").contains("Some **bold** words")
                .contains("value=\"Not yet\"");
        assertThat(postCount()).isEqualTo(before);

        Response fragment = client.postForm("/write/preview", Map.of("body", "A _live_ preview"), "/write");
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.asString().strip()).isEqualTo("<p>A <em>live</em> preview</p>");
    }

    @Test
    void badInputComesBackWithTheTypedTextAndNothingIsStored() {
        WebClient client = TestAccounts.create(Role.AUTHOR, "Careless Author").signIn();
        long before = postCount();

        Map<String, Object> noTitle = form("", "My carefully typed body text");
        Response missing = client.postForm("/write", noTitle);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.asString()).contains("Give the post a title.").contains("My carefully typed body text")
                .contains("aria-invalid=\"true\"");

        Response tooLong = client.postForm("/write", form("x".repeat(256), "body"));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.asString()).contains("Use at most 255 characters");

        Map<String, Object> badDate = form("Dated", "body kept");
        badDate.put("status", "SCHEDULED");
        badDate.put("publishAt", "next tuesday");
        Response date = client.postForm("/write", badDate);
        assertThat(date.statusCode()).isEqualTo(400);
        assertThat(date.asString()).contains("Give a date and time").contains("next tuesday");

        Map<String, Object> unknownCategory = form("Categorised", "body");
        unknownCategory.put("category", "No Such Section");
        Response category = client.postForm("/write", unknownCategory);
        assertThat(category.statusCode()).isEqualTo(400);
        assertThat(category.asString()).contains("There is no category");

        Response huge = client.postForm("/write", form("Huge", "a".repeat(1024 * 1024 + 10)));
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(huge.asString()).contains("the limit is 1 MB");

        assertThat(postCount()).isEqualTo(before);
    }

    @Test
    void aTakenSlugIsAConflictButADerivedSlugGetsASuffix() {
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Slug Author");
        String title = TestPosts.unique("Same title ");
        String first = TestPosts.publish(author.principal(), title, "one", java.util.List.of());
        String second = TestPosts.publish(author.principal(), title, "two", java.util.List.of());
        assertThat(second).isEqualTo(first + "-2");

        Map<String, Object> form = form("Another", "three");
        form.put("slug", first);
        Response response = author.signIn().postForm("/write", form);
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.asString()).contains("Another post or page already uses").contains("three");
    }

    @Test
    void changingTheSlugKeepsTheOldAddressAnsweringWithAPermanentRedirect() {
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Renaming Author");
        String slug = TestPosts.publish(author.principal(), TestPosts.unique("Old name "), "body", java.util.List.of());
        WebClient client = author.signIn();
        String editPage = client.get("/posts/" + slug + "/edit").asString();
        assertThat(editPage).contains("name=\"version\" value=\"0\"");

        Map<String, Object> form = form("New name", "body");
        form.put("slug", slug + "-renamed");
        form.put("version", 0);
        Response saved = client.postForm("/posts/" + slug + "/edit", form);
        assertThat(saved.statusCode()).isEqualTo(303);

        Response old = WebClient.anonymous().get("/posts/" + slug);
        assertThat(old.statusCode()).isEqualTo(301);
        assertThat(old.header("Location")).endsWith("/posts/" + slug + "-renamed");
        assertThat(WebClient.anonymous().get("/posts/" + slug + "-renamed").asString()).contains("New name");
    }

    @Test
    void aStaleEditIsRefusedAndKeepsTheEditorsText() {
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Racing Author");
        String slug = TestPosts.publish(author.principal(), TestPosts.unique("Contested "), "original",
                java.util.List.of());
        WebClient first = author.signIn();
        WebClient second = WebClient.owner();

        Map<String, Object> edit = form("First edit", "first body");
        edit.put("slug", slug);
        edit.put("version", 0);
        assertThat(first.postForm("/posts/" + slug + "/edit", edit).statusCode()).isEqualTo(303);

        Map<String, Object> stale = form("Second edit", "my long second body");
        stale.put("slug", slug);
        stale.put("version", 0);
        Response response = second.postForm("/posts/" + slug + "/edit", stale);
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.asString()).contains("Someone else saved this post").contains("my long second body");
        assertThat(WebClient.anonymous().get("/posts/" + slug).asString()).contains("First edit");
    }

    @Test
    void onlyThePostsAuthorOrAnAdminMayEditIt() {
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Owning Author");
        String slug = TestPosts.publish(author.principal(), TestPosts.unique("Mine "), "body", java.util.List.of());
        WebClient other = TestAccounts.create(Role.AUTHOR, "Other Author").signIn();

        assertThat(other.get("/posts/" + slug + "/edit").statusCode()).isEqualTo(404);
        Map<String, Object> form = form("Hijacked", "body");
        form.put("version", 0);
        assertThat(other.postForm("/posts/" + slug + "/edit", form, "/").statusCode()).isEqualTo(404);
        assertThat(WebClient.owner().get("/posts/" + slug + "/edit").statusCode()).isEqualTo(200);
        assertThat(author.signIn().get("/posts/" + slug + "/edit").statusCode()).isEqualTo(200);
    }

    @Test
    void draftsAreSeenOnlyByTheirAuthorAndAdmins() {
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Drafting Author");
        String title = TestPosts.unique("Unfinished thoughts ");
        Map<String, Object> form = form(title, "a draft body about zanzibar");
        form.put("status", "DRAFT");
        form.put("tags", "drafty");
        Response saved = author.signIn().postForm("/write", form);
        String path = saved.header("Location").substring(saved.header("Location").indexOf("/posts/"));

        assertThat(author.signIn().get(path).asString()).contains("Draft: only you can see this.");
        assertThat(WebClient.owner().get(path).statusCode()).isEqualTo(200);
        WebClient stranger = WebClient.anonymous();
        assertThat(stranger.get(path).statusCode()).isEqualTo(404);
        assertThat(TestAccounts.create(Role.AUTHOR, "Nosy Author").signIn().get(path).statusCode()).isEqualTo(404);
        assertThat(stranger.get("/").asString()).doesNotContain(title);
        assertThat(stranger.get("/tags/drafty").asString()).doesNotContain(title);
        assertThat(stranger.get("/search?q=zanzibar").asString()).doesNotContain(title);
        assertThat(stranger.get("/api/v1/posts?size=100").asString()).doesNotContain(title);
        assertThat(stranger.get("/api/v1" + path).statusCode()).isEqualTo(404);
    }

    @Test
    void aScheduledPostAppearsWhenItsTimeComes() {
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Timely Author");
        String title = TestPosts.unique("Scheduled news ");
        // a day ahead: however slow signing in and saving are, the time is still in the future when it is checked
        Instant at = clock.instant().plus(Duration.ofDays(1));
        Map<String, Object> form = form(title, "coming soon");
        form.put("status", "SCHEDULED");
        form.put("publishAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atOffset(ZoneOffset.UTC)));
        Response saved = author.signIn().postForm("/write", form);
        assertThat(saved.statusCode()).isEqualTo(303);
        String path = saved.header("Location").substring(saved.header("Location").indexOf("/posts/"));

        assertThat(WebClient.anonymous().get(path).statusCode()).isEqualTo(404);
        assertThat(WebClient.anonymous().get("/").asString()).doesNotContain(title);

        clock.advanceTo(at.plusSeconds(1));

        // readers see it at once, before the publishing job has run
        assertThat(WebClient.anonymous().get(path).statusCode()).isEqualTo(200);
        assertThat(WebClient.anonymous().get("/").asString()).contains(title);

        // the publishing job (every 2 s in tests) then records it as published; calling it here could collide with
        // its own run on the post's version
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(
                WebClient.anonymous().get("/api/v1" + path).jsonPath().getString("status")).isEqualTo("PUBLISHED"));
    }

    @Test
    void schedulingInThePastIsRefused() {
        WebClient client = TestAccounts.create(Role.AUTHOR, "Late Author").signIn();
        Map<String, Object> form = form("Too late", "body");
        form.put("status", "SCHEDULED");
        form.put("publishAt", "2001-01-01T10:00");
        Response response = client.postForm("/write", form);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.asString()).contains("Choose a time in the future");
    }

    @Test
    void standalonePagesWithAParentAreListedInTheNavigation() {
        WebClient owner = WebClient.owner();
        String about = TestPosts.unique("About ");
        Map<String, Object> parent = form(about, "Who we are.");
        parent.put("kind", "PAGE");
        Response saved = owner.postForm("/write?kind=page", parent, "/write?kind=page");
        assertThat(saved.statusCode()).isEqualTo(303);
        String parentSlug = saved.header("Location").substring(saved.header("Location").lastIndexOf('/') + 1);

        Map<String, Object> child = form(TestPosts.unique("Contact "), "Write to us.");
        child.put("kind", "PAGE");
        child.put("parent", parentSlug);
        Response childSaved = owner.postForm("/write", child, "/write?kind=page");
        assertThat(childSaved.statusCode()).isEqualTo(303);

        String home = WebClient.anonymous().get("/").asString();
        assertThat(home).contains("href=\"/" + parentSlug + "\">" + about + "</a>");
        Response page = WebClient.anonymous().get("/" + parentSlug);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains("Who we are.").doesNotContain("This entry was posted in");

        Map<String, Object> reserved = form("Login page", "x");
        reserved.put("kind", "PAGE");
        reserved.put("slug", "login");
        assertThat(owner.postForm("/write", reserved, "/write?kind=page").statusCode()).isEqualTo(400);
    }

    @Test
    void aPageCannotTakeTheAddressOfOneOfTheSitesOwnPages() {
        WebClient owner = WebClient.owner();
        long before = postCount();
        Map<String, Object> page = form(TestPosts.unique("Subscriptions "), "Shadowing the subscription links.");
        page.put("kind", "PAGE");
        page.put("slug", "subscriptions");

        Response refused = owner.postForm("/write", page, "/write?kind=page");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString())
                .contains("<a href=\"#field-slug\">&quot;subscriptions&quot; is one of the site&#39;s own addresses");
        assertThat(postCount()).isEqualTo(before);
    }

    @Test
    void aPageTitledLikeOneOfTheSitesOwnAddressesGetsAnotherSlug() {
        Map<String, Object> page = form("Subscriptions", "How to follow a discussion by mail.");
        page.put("kind", "PAGE");

        Response saved = WebClient.owner().postForm("/write", page, "/write?kind=page");

        assertThat(saved.statusCode()).isEqualTo(303);
        String path = saved.header("Location").substring(saved.header("Location").lastIndexOf('/'));
        assertThat(path).matches("/subscriptions-\\d+");
        assertThat(WebClient.anonymous().get(path).asString()).contains("How to follow a discussion by mail.");
    }
}
