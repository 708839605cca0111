package org.quillpress.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quillpress.comment.DiscussionSettings;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestComments;
import org.quillpress.support.TestPosts;
import org.quillpress.support.WebClient;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** Sign-in with providers, through the real authorization-code flow against a real OIDC server. */
@QuarkusTest
@TestProfile(SocialProfileForTests.class)
class SocialSignInTest {

    private static final Pattern STARTED = Pattern.compile("name=\"started\" value=\"([^\"]+)\"");

    @Inject
    DiscussionSettings settings;

    DiscussionSettings.Rules original;

    @BeforeEach
    void noWaitingToWrite() {
        original = settings.current();
        settings.save(TestComments.withoutWaiting(original));
    }

    @AfterEach
    void restoreRules() {
        settings.save(original);
    }

    static String claims(String json) {
        return json.replace('\'', '"');
    }

    static long accountsNamed(String displayName) {
        return QuarkusTransaction.requiringNew().call(() -> Account.count("displayName", displayName));
    }

    static long accountIdNamed(String displayName) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Account.<Account> find("displayName", displayName).firstResult().id);
    }

    static long identities(String provider, String subject) {
        return QuarkusTransaction.requiringNew()
                .call(() -> LoginIdentity.count("provider = ?1 and subject = ?2", provider, subject));
    }

    @Test
    void theSignInPageListsTheProvidersThatAreSetUp() {
        String page = WebClient.anonymous().get("/login").asString();
        assertThat(page).contains("href=\"/login/oidc\"", "Sign in with Test ID", "href=\"/login/github\"",
                "Sign in with GitHub", "src=\"/img/providers/github.svg\"", "type=\"password\"");
        // set up in part, unreachable-but-configured is still listed; not set up at all: not offered
        assertThat(page).doesNotContain("/login/google", "/login/facebook", "/login/apple");
    }

    @Test
    void aNewReaderSignsInWithAnOidcProviderAndGetsAnAccountWithTheVerifiedEmail() {
        WebClient reader = WebClient.anonymous();
        Response done = ProviderLogin.signIn(reader, "/login/oidc?then=/account", "new-reader-1",
                claims("{'name': 'Nadia Newreader', 'email': 'nadia@example.org', 'email_verified': true}"));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.header("Location")).endsWith("/account");
        // the provider's own session is gone: our session cookie alone says who is signed in
        assertThat(reader.cookie("q_session_oidc")).isNull();
        String account = reader.get("/account").asString();
        assertThat(account).contains("Nadia Newreader", "nadia@example.org", "Test ID");
    }

    @Test
    void anEmailTheProviderDidNotVerifyIsNotKept() {
        WebClient reader = WebClient.anonymous();
        ProviderLogin.signIn(reader, "/login/oidc", "unverified-1",
                claims("{'name': 'Umberto Unverified', 'email': 'umberto@example.org', 'email_verified': false}"));
        String account = reader.get("/account").asString();
        assertThat(account).contains("Umberto Unverified", "Email: (none)").doesNotContain("umberto@example.org");
    }

    @Test
    void theCommentFormOffersEachProviderWithItsDrawnMarkAndName() {
        String slug = TestPosts.publish(TestAccounts.owner(), TestPosts.unique("Marked providers "), "Marks.", List.of());
        String page = WebClient.anonymous().get("/posts/" + slug).asString();
        assertThat(page).contains(
                "<img src=\"/img/providers/github.svg\" alt=\"\" width=\"20\" height=\"20\"> Sign in with GitHub</button>",
                "<img src=\"/img/providers/oidc.svg\" alt=\"\" width=\"20\" height=\"20\"> Sign in with Test ID</button>");
        // drawn shapes with the provider's name, not a letter in a box
        assertThat(WebClient.anonymous().get("/img/providers/github.svg").asString()).contains("<title>GitHub</title>")
                .doesNotContain("<text");
        assertThat(WebClient.anonymous().get("/img/providers/oidc.svg").asString())
                .contains("<title>OpenID Connect</title>").doesNotContain("<text");
    }

    @Test
    void aGitHubStyleProviderWithoutIdTokenSignsInByItsNumericId() {
        WebClient reader = WebClient.anonymous();
        Response done = ProviderLogin.signIn(reader, "/login/github?then=/account", "octo-login",
                claims("{'id': 5550123, 'login': 'octoreader', 'name': 'Octo Reader'}"));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(reader.get("/account").asString()).contains("Octo Reader", "Email: (none)");
        assertThat(identities("github", "5550123")).isEqualTo(1);
    }

    @Test
    void aGuestSignsInFromTheCommentFormFindsWhatTheyTypedAndComments() {
        String slug = TestPosts.publish(TestAccounts.owner(), TestPosts.unique("Signed-in discussion "),
                "A post to discuss after signing in.", List.of());
        WebClient guest = WebClient.anonymous();
        String page = guest.get("/posts/" + slug).asString();
        String signIn = "/posts/" + slug + "/comments/sign-in/oidc";
        assertThat(page).contains("formaction=\"" + signIn + "\"", "Sign in with Test ID");
        Response kept = guest.postForm(signIn, Map.of("returnTo", "/posts/" + slug, "body",
                "I typed this *before* signing in.", "parentId", "", "name", "", "email", ""), "/posts/" + slug);
        assertThat(kept.statusCode()).isEqualTo(303);
        // the Location is already encoded: the browser follows it as it is
        String start = ProviderLogin.onTheWay(
                guest.request().urlEncodingEnabled(false).get(ProviderLogin.pathOf(kept.header("Location"))));
        assertThat(URLDecoder.decode(start, StandardCharsets.UTF_8)).endsWith("then=/posts/" + slug + "#respond");

        Response back = ProviderLogin.signIn(guest, start, "commenter-1", claims("{'name': 'Cora Commenter'}"));
        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(back.header("Location")).endsWith("/posts/" + slug + "#respond");

        String form = guest.get("/posts/" + slug).asString();
        assertThat(form).contains("Commenting as <strong>Cora Commenter</strong>", "I typed this *before* signing in.")
                .doesNotContain("name=\"email\"");
        Matcher started = STARTED.matcher(form);
        assertThat(started.find()).isTrue();
        Response posted = guest.postForm("/posts/" + slug + "/comments", Map.of("body",
                "I typed this *before* signing in.", "action", "post", "started", started.group(1)), "/posts/" + slug);
        assertThat(posted.statusCode()).isEqualTo(303);
        // a first comment from a new account waits for a moderator, and its writer sees it waiting
        assertThat(guest.get("/posts/" + slug).asString()).contains("Cora Commenter", "awaiting moderation",
                "class=\"provider-badge\"", "signed in with</span> Test ID");
    }

    @Test
    void aGuestSignsInFromAPagesCommentFormAndFindsWhatTheyTyped() {
        String slug = TestPosts.save(TestAccounts.owner(), new org.quillpress.post.PostInput(
                TestPosts.unique("Signed-in page "), "A page to discuss.", null, List.of(), null, null, "PUBLISHED",
                null, true, null, "PAGE", null, null));
        WebClient guest = WebClient.anonymous();
        String signIn = "/posts/" + slug + "/comments/sign-in/oidc";
        assertThat(guest.get("/" + slug).asString()).contains("formaction=\"" + signIn + "\"");
        Response kept = guest.postForm(signIn, Map.of("returnTo", "/" + slug, "body", "Typed on a page.", "parentId",
                "", "name", "", "email", ""), "/" + slug);
        String start = ProviderLogin.onTheWay(
                guest.request().urlEncodingEnabled(false).get(ProviderLogin.pathOf(kept.header("Location"))));
        assertThat(URLDecoder.decode(start, StandardCharsets.UTF_8)).endsWith("then=/" + slug + "#respond");

        Response back = ProviderLogin.signIn(guest, start, "page-commenter", claims("{'name': 'Paige Commenter'}"));
        assertThat(back.header("Location")).endsWith("/" + slug + "#respond");
        assertThat(guest.get("/" + slug).asString()).contains("Commenting as <strong>Paige Commenter</strong>",
                "Typed on a page.");
    }

    @Test
    void aModeratorSignsInWithAProviderAndReachesTheQueueWhileAReaderIsRefused() {
        WebClient person = WebClient.anonymous();
        ProviderLogin.signIn(person, "/login/oidc", "future-moderator", claims("{'name': 'Mona Moderator'}"));
        assertThat(person.get("/moderation").statusCode()).isEqualTo(403);

        long id = accountIdNamed("Mona Moderator");
        Response promoted = WebClient.owner().postForm("/admin/accounts/" + id + "/role", Map.of("role", "MODERATOR"),
                "/admin/accounts");
        assertThat(promoted.statusCode()).isEqualTo(303);

        WebClient again = WebClient.anonymous();
        ProviderLogin.signIn(again, "/login/oidc", "future-moderator", claims("{'name': 'Mona Moderator'}"));
        assertThat(again.get("/moderation").statusCode()).isEqualTo(200);
        assertThat(accountsNamed("Mona Moderator")).isEqualTo(1);
    }

    @Test
    void aReaderLinksASecondProviderAndEitherSignsInToTheSameAccount() {
        WebClient first = WebClient.anonymous();
        ProviderLogin.signIn(first, "/login/oidc", "linker-1", claims("{'name': 'Lina Linker'}"));
        Response link = first.postForm("/account/identities/link", Map.of("provider", "github"), "/account");
        assertThat(ProviderLogin.onTheWay(link)).isEqualTo("/login/github");
        Response linked = ProviderLogin.signIn(first, "/login/github", "lina-gh",
                claims("{'id': 8080123, 'login': 'lina', 'name': 'Lina on GitHub'}"));
        assertThat(linked.header("Location")).endsWith("/account?saved=linked");

        WebClient second = WebClient.anonymous();
        ProviderLogin.signIn(second, "/login/github", "lina-gh",
                claims("{'id': 8080123, 'login': 'lina', 'name': 'Lina on GitHub'}"));
        String account = second.get("/account").asString();
        assertThat(account).contains("value=\"Lina Linker\"", "Test ID", "GitHub");
        assertThat(accountsNamed("Lina on GitHub")).isZero();
    }

    @Test
    void anIdentityOfAnotherAccountIsNotLinkedAndTheLastWayToSignInStays() {
        WebClient owner = WebClient.anonymous();
        ProviderLogin.signIn(owner, "/login/github", "taken-gh", claims("{'id': 9090123, 'name': 'Gus Github'}"));
        WebClient other = WebClient.anonymous();
        ProviderLogin.signIn(other, "/login/oidc", "other-1", claims("{'name': 'Olga Other'}"));
        other.postForm("/account/identities/link", Map.of("provider", "github"), "/account");
        Response refused = ProviderLogin.signIn(other, "/login/github", "taken-gh",
                claims("{'id': 9090123, 'name': 'Gus Github'}"));
        assertThat(refused.header("Location")).endsWith("/account?refused=github");
        assertThat(other.get("/account?refused=github").asString())
                .contains("already signs in to another account here");

        String page = other.get("/account").asString();
        assertThat(page).doesNotContain("/unlink\"");
        long identity = QuarkusTransaction.requiringNew().call(() -> LoginIdentity.<LoginIdentity> find(
                "provider = ?1 and subject = ?2", "oidc", "other-1").firstResult().id);
        Response last = other.postForm("/account/identities/" + identity + "/unlink", Map.of(), "/account");
        assertThat(last.statusCode()).isEqualTo(400);
        assertThat(last.asString()).contains("only way to sign in");
    }

    @Test
    void aBannedAccountIsSignedOutAndCannotSignInAgain() {
        WebClient reader = WebClient.anonymous();
        ProviderLogin.signIn(reader, "/login/oidc", "to-be-banned", claims("{'name': 'Bert Banned'}"));
        assertThat(reader.get("/account").statusCode()).isEqualTo(200);

        long id = accountIdNamed("Bert Banned");
        Response ban = WebClient.owner().postForm("/admin/accounts/" + id + "/ban",
                Map.of("reason", "spam links", "days", "7"), "/admin/accounts");
        assertThat(ban.statusCode()).isEqualTo(303);
        assertThat(WebClient.owner().get("/admin/accounts?q=Bert").asString()).contains("Banned until", "spam links");

        Response after = reader.get("/account");
        assertThat(after.statusCode()).isNotEqualTo(200);
        Response again = ProviderLogin.signIn(WebClient.anonymous(), "/login/oidc", "to-be-banned",
                claims("{'name': 'Bert Banned'}"));
        assertThat(again.statusCode()).isEqualTo(403);
        assertThat(again.asString()).contains("This account is banned until", "spam links");

        WebClient.owner().postForm("/admin/accounts/" + id + "/unban", Map.of(), "/admin/accounts");
        WebClient forgiven = WebClient.anonymous();
        assertThat(ProviderLogin.signIn(forgiven, "/login/oidc", "to-be-banned", claims("{'name': 'Bert Banned'}"))
                .statusCode()).isEqualTo(303);
    }

    @Test
    void providersThatAreOffUnknownOrBrokenAnswerWithAPageNotAStackTrace() {
        WebClient visitor = WebClient.anonymous();
        assertThat(visitor.get("/login/facebook").statusCode()).isEqualTo(404);
        assertThat(visitor.get("/login/nonsense").statusCode()).isEqualTo(404);
        Response missingSecret = visitor.get("/login/google");
        assertThat(missingSecret.statusCode()).isEqualTo(503);
        assertThat(missingSecret.asString()).contains("Sign-in with Google is not available", "type=\"password\"");
        Response unreachable = visitor.get("/login/microsoft");
        assertThat(unreachable.statusCode()).isEqualTo(503);
        assertThat(unreachable.asString()).contains("Sign-in with Microsoft is not available")
                .doesNotContain("Exception", "at io.");
    }

    @Test
    void aTamperedStateIsRefusedAndNothingIsCreated() {
        WebClient reader = WebClient.anonymous();
        String callback = ProviderLogin.callbackAfterLogin(reader, "/login/oidc", "tamper-state",
                claims("{'name': 'Tess Tamper'}"));
        Response forged = reader.keep(reader.request().urlEncodingEnabled(false)
                .get(callback.replaceAll("state=[^&]+", "state=forged-state")));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.asString()).contains("Start again from the sign-in page").doesNotContain("Exception");
        assertThat(reader.cookie("qp_session")).isNull();
        assertThat(accountsNamed("Tess Tamper")).isZero();
    }

    @Test
    void aReplayedCallbackDoesNotSignInAgain() {
        WebClient reader = WebClient.anonymous();
        String callback = ProviderLogin.callbackAfterLogin(reader, "/login/oidc", "replayer",
                claims("{'name': 'Ray Replay'}"));
        assertThat(reader.keep(reader.request().urlEncodingEnabled(false).get(callback)).statusCode()).isEqualTo(302);

        WebClient attacker = WebClient.anonymous();
        Response replay = attacker.keep(attacker.request().urlEncodingEnabled(false).get(callback));
        assertThat(replay.statusCode()).isBetween(400, 499);
        assertThat(attacker.cookie("qp_session")).isNull();
    }

    @Test
    void aProviderThatGivesNoIdCreatesNoAccountAndAVeryLongNameIsShortened() {
        Response noId = ProviderLogin.signIn(WebClient.anonymous(), "/login/github", "no-id",
                claims("{'login': 'nobody', 'name': 'Nina Noid'}"));
        assertThat(noId.statusCode()).isEqualTo(400);
        assertThat(noId.asString()).contains("did not say who you are");
        assertThat(accountsNamed("Nina Noid")).isZero();

        String longName = "Lorenzo " + "Longname".repeat(60);
        WebClient reader = WebClient.anonymous();
        ProviderLogin.signIn(reader, "/login/oidc", "long-name", claims("{'name': '" + longName + "'}"));
        String stored = QuarkusTransaction.requiringNew().call(() -> LoginIdentity.<LoginIdentity> find(
                "provider = ?1 and subject = ?2", "oidc", "long-name").firstResult().account.displayName);
        assertThat(stored).hasSizeLessThanOrEqualTo(120).startsWith("Lorenzo Longname").endsWith("…");
    }

    @Test
    void anAccountWithAnApprovedCommentIsKnownWhicheverProviderItSignsInWith() {
        String slug = TestPosts.publish(TestAccounts.owner(), TestPosts.unique("Trust travels "), "Body.", List.of());
        WebClient viaOidc = WebClient.anonymous();
        ProviderLogin.signIn(viaOidc, "/login/oidc", "trusted-1", claims("{'name': 'Tara Trusted'}"));
        viaOidc.postForm("/account/identities/link", Map.of("provider", "github"), "/account");
        ProviderLogin.signIn(viaOidc, "/login/github", "tara-gh", claims("{'id': 7070123, 'name': 'Tara GH'}"));

        long first = TestComments.created(TestComments.postAs(viaOidc, slug, "My first words here."));
        assertThat(WebClient.anonymous().get("/posts/" + slug).asString()).doesNotContain("My first words here.");
        Response approved = WebClient.owner().postForm("/moderation/comments/" + first + "/status",
                Map.of("action", "approve"), "/moderation");
        assertThat(approved.statusCode()).isEqualTo(303);

        WebClient viaGitHub = WebClient.anonymous();
        ProviderLogin.signIn(viaGitHub, "/login/github", "tara-gh", claims("{'id': 7070123, 'name': 'Tara GH'}"));
        Response second = TestComments.postAs(viaGitHub, slug, "And now straight through.");
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.jsonPath().getString("status")).isEqualToIgnoringCase("approved");
        assertThat(WebClient.anonymous().get("/posts/" + slug).asString()).contains("And now straight through.",
                "Tara Trusted");
    }

    @Test
    void aReaderSentBackByTheProviderWithoutSigningInIsToldSo() {
        Response cancelled = WebClient.anonymous().get("/login?failed=oidc&error=access_denied");
        assertThat(cancelled.statusCode()).isEqualTo(401);
        assertThat(cancelled.asString()).contains("Sign-in with Test ID did not complete (access_denied)",
                "Nothing was saved", "type=\"password\"");
    }

    @Test
    void aLinkedProviderCanBeRemovedAndThenNoLongerSignsInToTheAccount() {
        WebClient reader = WebClient.anonymous();
        ProviderLogin.signIn(reader, "/login/oidc", "unlinker-1", claims("{'name': 'Uma Unlinker'}"));
        reader.postForm("/account/identities/link", Map.of("provider", "github"), "/account");
        ProviderLogin.signIn(reader, "/login/github", "uma-gh", claims("{'id': 6060123, 'name': 'Uma on GitHub'}"));
        long github = QuarkusTransaction.requiringNew().call(() -> LoginIdentity.<LoginIdentity> find(
                "provider = ?1 and subject = ?2", "github", "6060123").firstResult().id);

        Response removed = reader.postForm("/account/identities/" + github + "/unlink", Map.of(), "/account");
        assertThat(removed.statusCode()).isEqualTo(303);
        assertThat(removed.header("Location")).endsWith("/account?saved=unlinked");
        assertThat(identities("github", "6060123")).isZero();

        WebClient viaGitHub = WebClient.anonymous();
        ProviderLogin.signIn(viaGitHub, "/login/github", "uma-gh", claims("{'id': 6060123, 'name': 'Uma on GitHub'}"));
        assertThat(viaGitHub.get("/account").asString()).contains("value=\"Uma on GitHub\"");
        assertThat(accountsNamed("Uma Unlinker")).isEqualTo(1);
    }
}
