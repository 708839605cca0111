package org.quillpress.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestComments;
import org.quillpress.support.TestPosts;
import org.quillpress.support.WebClient;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class AccountResourceTest {

    private static final Pattern SECRET = Pattern.compile("<code class=\"token\">(qp_[A-Za-z0-9_-]+)</code>");
    private static final Pattern REVOKE = Pattern.compile("action=\"/account/tokens/(\\d+)/revoke\"");
    private static final String NEW_PASSWORD = "Fresh-Password-2026";

    @Test
    void accountPageNeedsSignIn() {
        Response response = WebClient.anonymous().get("/account");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location"))
                .contains("/login?redirect=" + URLEncoder.encode("/account", StandardCharsets.UTF_8));
    }

    @Test
    void savedProfileShowsOnTheAuthorPageAndUnderTheirPosts() {
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Profile Author");
        WebClient client = author.signIn();
        String name = TestPosts.unique("Penelope Shore ");
        String bio = TestPosts.unique("Writes about tide pools and the creatures in them ");
        String website = "https://" + TestPosts.unique("penelope") + ".example.org/";

        Response saved = client.postForm("/account/profile",
                Map.of("displayName", name, "bio", bio, "website", website), "/account");

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(client.get(saved.header("Location")).asString()).contains("Your profile was saved.");
        String slug = TestPosts.publish(author.principal(), TestPosts.unique("Tide pools "), "Anemones.", List.of());
        String authorPage = WebClient.anonymous().get("/authors/" + author.principal().handle()).asString();
        String postPage = WebClient.anonymous().get("/posts/" + slug).asString();
        for (String page : List.of(authorPage, postPage)) {
            assertThat(authorBox(page)).contains(">" + name + "</a>", "<p>" + bio + "</p>",
                    "href=\"" + website + "\"");
        }
    }

    @Test
    void websiteThatIsNotAWebAddressIsRefusedKeepingWhatWasTyped() {
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Scheming Author");
        WebClient client = author.signIn();
        String name = TestPosts.unique("Mallory ");

        Response response = client.postForm("/account/profile",
                Map.of("displayName", name, "bio", "Hello", "website", "javascript:alert(1)"), "/account");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.asString())
                .contains("id=\"website-error\">Enter an address starting with https:// or http://")
                .contains("value=\"javascript:alert(1)\"", "value=\"" + name + "\"");
        String authorPage = WebClient.anonymous().get("/authors/" + author.principal().handle()).asString();
        assertThat(authorPage).doesNotContain(name).doesNotContain("javascript:alert");
    }

    @Test
    void bioLongerThan2000CharactersIsRefused() {
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Wordy Author");
        String bio = "w".repeat(2001);

        Response response = author.signIn().postForm("/account/profile",
                Map.of("displayName", "Wordy Author", "bio", bio, "website", ""), "/account");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.asString()).contains("id=\"bio-error\">Use at most 2,000 characters.</span>");
        assertThat(WebClient.anonymous().get("/authors/" + author.principal().handle()).asString())
                .doesNotContain(bio);
    }

    @Test
    void emailIsShownToItsOwnerOnlyNeverOnPublicPages() {
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Private Author");
        String slug = TestPosts.publish(author.principal(), TestPosts.unique("Public words "), "Hello.", List.of());

        assertThat(author.signIn().get("/account").asString()).contains(author.email());
        WebClient guest = WebClient.anonymous();
        assertThat(guest.get("/authors/" + author.principal().handle()).asString()).doesNotContain(author.email());
        assertThat(guest.get("/posts/" + slug).asString()).doesNotContain(author.email());
        assertThat(guest.get("/api/v1/posts/" + slug).asString()).doesNotContain(author.email());
    }

    @Test
    void passwordChangeNeedsTheCurrentPasswordAndThenOnlyTheNewOneSignsIn() {
        TestAccounts.Created reader = TestAccounts.create(Role.READER, "Rotating Reader");
        WebClient client = reader.signIn();

        Response wrong = client.postForm("/account/password",
                Map.of("current", "not-my-password", "password", NEW_PASSWORD), "/account");

        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.asString()).contains("id=\"current-error\">The current password is not right.</span>");
        assertThat(signIn(reader.email(), TestAccounts.PASSWORD).statusCode()).isEqualTo(303);

        Response changed = client.postForm("/account/password",
                Map.of("current", TestAccounts.PASSWORD, "password", NEW_PASSWORD), "/account");

        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(signIn(reader.email(), TestAccounts.PASSWORD).statusCode()).isEqualTo(401);
        assertThat(signIn(reader.email(), NEW_PASSWORD).statusCode()).isEqualTo(303);
    }

    @Test
    void apiTokenIsShownOnceWritesWithoutCsrfHeaderAndStopsWorkingWhenRevoked() {
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Scripting Author");
        WebClient client = author.signIn();
        String tokenName = TestPosts.unique("import script ");

        Response created = client.postForm("/account/tokens", Map.of("name", tokenName), "/account");

        assertThat(created.statusCode()).isEqualTo(200);
        String secret = secretIn(created.asString());
        String account = client.get("/account").asString();
        assertThat(account).contains("<td>" + tokenName + "</td>").doesNotContain(secret);

        Response written = postWithToken(secret, TestPosts.unique("Scripted "));
        assertThat(written.statusCode()).isEqualTo(201);
        assertThat(written.jsonPath().getString("author.handle")).isEqualTo(author.principal().handle());
        assertThat(WebClient.anonymous().get(written.jsonPath().getString("url")).statusCode()).isEqualTo(200);

        Response revoked = client.postForm("/account/tokens/" + tokenId(account) + "/revoke", Map.of(), "/account");

        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(postWithToken(secret, TestPosts.unique("Too late ")).statusCode()).isEqualTo(401);
        assertThat(client.get("/account").asString()).doesNotContain(tokenName);
    }

    @Test
    void someoneElsesTokenCannotBeRevoked() {
        TestAccounts.Created owner = TestAccounts.create(Role.AUTHOR, "Token Owner");
        WebClient ownerClient = owner.signIn();
        String tokenName = TestPosts.unique("backup script ");
        String secret = secretIn(ownerClient.postForm("/account/tokens", Map.of("name", tokenName), "/account")
                .asString());
        long id = tokenId(ownerClient.get("/account").asString());

        WebClient other = TestAccounts.create(Role.AUTHOR, "Meddling Author").signIn();
        assertThat(other.postForm("/account/tokens/" + id + "/revoke", Map.of(), "/account").statusCode())
                .isEqualTo(404);

        assertThat(postWithToken(secret, TestPosts.unique("Still here ")).statusCode()).isEqualTo(201);
        assertThat(ownerClient.get("/account").asString()).contains("<td>" + tokenName + "</td>");
    }

    private static Response signIn(String email, String password) {
        return WebClient.anonymous().postForm("/login", Map.of("email", email, "password", password));
    }

    /** A script's request: the bearer token and nothing else, no cookies and no CSRF header. */
    private static Response postWithToken(String secret, String title) {
        return WebClient.anonymous().request().header("Authorization", "Bearer " + secret)
                .contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Map.of("title", title, "body", "Written by a script.", "status", "PUBLISHED"))
                .post("/api/v1/posts");
    }

    private static String secretIn(String page) {
        Matcher m = SECRET.matcher(page);
        assertThat(m.find()).as("the new token is shown on the page").isTrue();
        return m.group(1);
    }

    private static long tokenId(String accountPage) {
        Matcher m = REVOKE.matcher(accountPage);
        assertThat(m.find()).as("the token list offers to revoke the token").isTrue();
        return Long.parseLong(m.group(1));
    }

    private static String authorBox(String page) {
        int start = page.indexOf("<aside class=\"author-box\"");
        assertThat(start).as("the page has an author box").isNotNegative();
        return page.substring(start, page.indexOf("</aside>", start));
    }

    @Test
    void downloadMyDataGivesTheProfileTheWaysToSignInAndTheComments() {
        TestAccounts.Created reader = TestAccounts.create(Role.READER, "Dora Download");
        WebClient client = reader.signIn();
        String slug = TestPosts.publish(TestAccounts.owner(), TestPosts.unique("Data post "), "Body.", List.of());
        Response posted = TestComments.postAs(client, slug, "A comment to take away.");
        assertThat(posted.statusCode()).isEqualTo(201);

        Response data = client.get("/account/data");
        assertThat(data.statusCode()).isEqualTo(200);
        assertThat(data.header("Content-Disposition")).contains("attachment");
        assertThat(data.jsonPath().getString("displayName")).isEqualTo("Dora Download");
        assertThat(data.jsonPath().getString("email")).isEqualTo(reader.email());
        assertThat(data.jsonPath().getList("identities.provider")).containsExactly("local");
        assertThat(data.jsonPath().getList("comments.markdown")).containsExactly("A comment to take away.");
        assertThat(data.jsonPath().getList("comments.post")).containsExactly(slug);
        assertThat(data.asString()).doesNotContain("passwordHash", "$argon2");
    }

    @Test
    void deletingTheAccountKeepsTheCommentsAsDeletedUserWhenAsked() {
        TestAccounts.Created reader = TestAccounts.create(Role.READER, TestPosts.unique("Kim Keep "));
        WebClient client = reader.signIn();
        String slug = TestPosts.publish(TestAccounts.owner(), TestPosts.unique("Kept post "), "Body.", List.of());
        long comment = TestComments.created(TestComments.postAs(client, slug, "Words that stay."));

        Response unconfirmed = client.postForm("/account/delete", Map.of("comments", "keep"), "/account");
        assertThat(unconfirmed.statusCode()).isEqualTo(400);
        assertThat(unconfirmed.asString()).contains("Tick the box to confirm");
        assertThat(accountExists(reader.principal().id())).isTrue();

        Response deleted = client.postForm("/account/delete", Map.of("comments", "keep", "confirm", "yes"),
                "/account");
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(accountExists(reader.principal().id())).isFalse();
        assertThat(client.get("/account").statusCode()).isEqualTo(303);
        Object[] row = commentRow(comment);
        assertThat(row[0]).isEqualTo(AccountService.DELETED_USER);
        assertThat(row[1]).isNull();
        assertThat(row[2]).isEqualTo("Words that stay.");
    }

    @Test
    void deletingTheAccountCanRemoveTheTextOfItsComments() {
        TestAccounts.Created reader = TestAccounts.create(Role.READER, TestPosts.unique("Rae Remove "));
        WebClient client = reader.signIn();
        String slug = TestPosts.publish(TestAccounts.owner(), TestPosts.unique("Removed post "), "Body.", List.of());
        long comment = TestComments.created(TestComments.postAs(client, slug, "Words that go."));

        client.postForm("/account/delete", Map.of("comments", "remove", "confirm", "yes"), "/account");

        Object[] row = commentRow(comment);
        assertThat(row[0]).isEqualTo(AccountService.DELETED_USER);
        assertThat(row[2]).isEqualTo("");
    }

    @Test
    void removingTheCommentsAlsoRemovesTheirEarlierVersions() {
        TestAccounts.Created reader = TestAccounts.create(Role.READER, TestPosts.unique("Ed Edited "));
        WebClient client = reader.signIn();
        String slug = TestPosts.publish(TestAccounts.owner(), TestPosts.unique("Edited post "), "Body.", List.of());
        long comment = client.json().body(Map.of("body", "First words.")).post(
                "/api/v1/posts/" + slug + "/comments").jsonPath().getLong("id");
        Response edited = client.postForm("/comments/" + comment + "/edit", Map.of("body", "Second words."),
                "/comments/" + comment + "/edit");
        assertThat(edited.statusCode()).isEqualTo(303);
        assertThat(revisionsOf(comment)).isEqualTo(1);

        client.postForm("/account/delete", Map.of("comments", "remove", "confirm", "yes"), "/account");

        assertThat(revisionsOf(comment)).isZero();
        assertThat(commentRow(comment)[2]).isEqualTo("");
    }

    @Test
    void anAccountThatWrotePostsCannotBeDeletedByItsHolder() {
        Response refused = WebClient.owner().postForm("/account/delete", Map.of("comments", "keep", "confirm", "yes"),
                "/account");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("posts or pages");
        assertThat(accountExists(TestAccounts.owner().id())).isTrue();
    }

    @Test
    void notificationPreferenceIsSaved() {
        WebClient client = TestAccounts.create(Role.READER, "Nell Notify").signIn();
        client.postForm("/account/notifications", Map.of(), "/account");
        assertThat(client.get("/account").asString()).doesNotContain("name=\"notifyReplies\" value=\"on\" checked");
        client.postForm("/account/notifications", Map.of("notifyReplies", "on"), "/account");
        assertThat(client.get("/account").asString()).contains("name=\"notifyReplies\" value=\"on\" checked");
    }

    private static boolean accountExists(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Account.findById(id) != null);
    }

    private static long revisionsOf(long commentId) {
        return QuarkusTransaction.requiringNew().call(() -> Account.getEntityManager()
                .createQuery("select count(r) from CommentRevision r where r.comment.id = :id", Long.class)
                .setParameter("id", commentId).getSingleResult());
    }

    private static Object[] commentRow(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Account.getEntityManager()
                .createQuery("select c.authorName, a.id, c.bodyMarkdown from Comment c left join c.account a "
                        + "where c.id = :id", Object[].class)
                .setParameter("id", id).getSingleResult());
    }
}
