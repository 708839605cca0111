package org.quillpress.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quillpress.account.SocialSignInTest.claims;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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

/** A sign-in that does not finish leaves the reader on our page, told why, with a way back and their comment kept. */
@QuarkusTest
@TestProfile(SocialProfileForTests.class)
class SignInFailuresTest {

    private static final Pattern STATE = Pattern.compile("[?&]state=([^&]+)");

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

    @Test
    void theProviderIsAskedWithPkceAndTheStateCookieHidesTheWayBack() {
        WebClient reader = WebClient.anonymous();
        Response start = reader.keep(reader.request().urlEncodingEnabled(false).get("/login/oidc?then=/posts/secret-path"));
        assertThat(start.header("Location")).contains("code_challenge=").contains("code_challenge_method=S256");
        String state = start.getDetailedCookies().asList().stream().filter(c -> c.getName().startsWith("q_auth_oidc"))
                .findFirst().orElseThrow().getValue();
        // each part of the cookie, read as base64 too, shows nothing of where the reader came from
        for (String part : URLDecoder.decode(state, StandardCharsets.UTF_8).split("[|.]")) {
            assertThat(part).doesNotContain("secret-path");
            try {
                assertThat(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.ISO_8859_1))
                        .doesNotContain("secret-path");
            } catch (IllegalArgumentException notBase64) {
                // not base64: checked as it is above
            }
        }
    }

    @Test
    void cancellingAtTheProviderLandsOnACleanPageThatNamesItAndLeadsBackToThePostWithTheDraft() {
        String slug = TestPosts.publish(TestAccounts.owner(), TestPosts.unique("Cancelled sign-in "), "Body.", List.of());
        WebClient guest = WebClient.anonymous();
        guest.get("/posts/" + slug);
        Response kept = guest.postForm("/posts/" + slug + "/comments/sign-in/oidc",
                Map.of("body", "Words I do not want to lose.", "parentId", "", "name", "", "email", ""),
                "/posts/" + slug);
        String start = ProviderLogin.onTheWay(
                guest.request().urlEncodingEnabled(false).get(ProviderLogin.pathOf(kept.header("Location"))));
        Response toProvider = guest.keep(guest.request().urlEncodingEnabled(false).get(start));
        Matcher state = STATE.matcher(toProvider.header("Location"));
        assertThat(state.find()).isTrue();

        // the provider sends the browser back without a sign-in
        Response back = guest.keep(guest.request().urlEncodingEnabled(false)
                .get("/login/oidc/callback?error=access_denied&state=" + state.group(1)));
        assertThat(back.statusCode()).isBetween(302, 303);
        String landing = ProviderLogin.pathOf(back.header("Location"));
        assertThat(landing).startsWith("/login/oidc/failed?").containsOnlyOnce("?");

        Response page = guest.keep(guest.request().urlEncodingEnabled(false).get(landing));
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.asString()).contains("Sign-in with Test ID was cancelled")
                .contains("href=\"/posts/" + slug + "#respond\"").doesNotContain("the provider");
        assertThat(guest.cookie("qp_session")).isNull();

        assertThat(guest.get("/posts/" + slug).asString()).contains("Words I do not want to lose.");
    }

    @Test
    void aCodeTheProviderWillNotExchangeEndsOnOurSignInPage() {
        String slug = TestPosts.publish(TestAccounts.owner(), TestPosts.unique("Refused code "), "Body.", List.of());
        WebClient reader = WebClient.anonymous();
        String callback = ProviderLogin.callbackAfterLogin(reader, "/login/github?then=/posts/" + slug, "code-refused",
                claims("{'id': 4040123, 'name': 'Cody Refused'}"));
        Response failed = reader.keep(reader.request().urlEncodingEnabled(false)
                .get(callback.replaceAll("code=[^&]+", "code=" + OidcServerResource.REFUSED_CODE)));
        assertThat(failed.statusCode()).as(failed.header("Location") + " " + failed.asString()).isEqualTo(303);
        Response page = reader.keep(reader.request().urlEncodingEnabled(false)
                .get(ProviderLogin.pathOf(failed.header("Location"))));
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.asString()).contains("Sign-in with GitHub could not be completed")
                .contains("href=\"/posts/" + slug + "\"").doesNotContain("Exception");
        assertThat(reader.cookie("qp_session")).isNull();
        assertThat(SocialSignInTest.accountsNamed("Cody Refused")).isZero();
    }

    @Test
    void aBannedReaderIsToldSoAndTheBanHoldsForTheEmailTheyType() {
        String slug = TestPosts.publish(TestAccounts.owner(), TestPosts.unique("Banned reader "), "Body.", List.of());
        WebClient reader = WebClient.anonymous();
        ProviderLogin.signIn(reader, "/login/oidc", "banned-commenter",
                claims("{'name': 'Bo Banned', 'email': 'bo.banned@example.org', 'email_verified': true}"));
        String openPage = reader.get("/posts/" + slug).asString();
        long id = SocialSignInTest.accountIdNamed("Bo Banned");
        assertThat(WebClient.owner().postForm("/admin/accounts/" + id + "/ban", Map.of("reason", "abuse", "days", "7"),
                "/admin/accounts").statusCode()).isEqualTo(303);

        // the page was open before the ban: its form has no name or email fields
        assertThat(openPage).contains("Commenting as <strong>Bo Banned</strong>");
        assertThat(reader.cookie("qp_session")).isNotNull();
        Map<String, Object> fields = new java.util.HashMap<>(hidden(openPage));
        fields.put("body", "Still here?");
        Response refused = reader.keep(reader.request().contentType("application/x-www-form-urlencoded")
                .formParams(fields).post("/posts/" + slug + "/comments"));
        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(403);
        assertThat(refused.asString()).contains("Your account is banned").contains("abuse")
                .doesNotContain("Enter your name");

        Response asGuest = TestComments.postAsGuest(slug, "Someone Else", "Bo.Banned@example.org", null,
                "Let me in", null, null);
        assertThat(asGuest.statusCode()).isEqualTo(403);
        assertThat(asGuest.jsonPath().getString("errors.body")).contains("Your account is banned");
    }

    @Test
    void anEmailVerifiedLaterAtTheProviderReachesTheAccount() {
        WebClient first = WebClient.anonymous();
        ProviderLogin.signIn(first, "/login/oidc", "verified-later",
                claims("{'name': 'Vera Later', 'email': 'vera.later@example.org', 'email_verified': false}"));
        assertThat(first.get("/account").asString()).contains("Email: (none)");

        WebClient again = WebClient.anonymous();
        ProviderLogin.signIn(again, "/login/oidc", "verified-later",
                claims("{'name': 'Vera Later', 'email': 'vera.later@example.org', 'email_verified': true}"));
        assertThat(again.get("/account").asString()).contains("vera.later@example.org");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Account.<Account> findById(
                SocialSignInTest.accountIdNamed("Vera Later")).email)).isEqualTo("vera.later@example.org");
    }

    private static Map<String, String> hidden(String page) {
        Map<String, String> fields = new java.util.HashMap<>();
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"(csrf-token|started)\" value=\"([^\"]*)\"")
                .matcher(page);
        while (m.find()) {
            fields.put(m.group(1), m.group(2));
        }
        return fields;
    }
}
