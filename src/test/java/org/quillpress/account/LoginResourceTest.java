package org.quillpress.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quillpress.security.KnownDevices;
import org.quillpress.security.LoginThrottle;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestClock;
import org.quillpress.support.WebClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.restassured.response.Response;

@QuarkusTest
class LoginResourceTest {

    @Inject
    TestClock clock;

    @Inject
    LoginThrottle throttle;

    /** Every test client comes from the same address: let the limits of earlier tests refill. */
    @AfterEach
    void letTheLimitsRefill() {
        clock.advance(Duration.ofHours(1));
    }

    @Test
    void signInPageOffersEmailAndPasswordWithCsrfToken() {
        String page = WebClient.anonymous().get("/login").asString();
        assertThat(page).contains("type=\"email\"", "name=\"email\"", "type=\"password\"", "name=\"password\"",
                "name=\"csrf-token\"");
    }

    @Test
    void rightPasswordStartsAnHttpOnlyLaxSessionAndReturnsToTheRequestedPage() {
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Ada Author");
        WebClient client = WebClient.anonymous();
        Response response = client.postForm("/login",
                Map.of("email", author.email(), "password", TestAccounts.PASSWORD, "redirect", "/write"));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).endsWith("/write");
        Cookie session = response.getDetailedCookie("qp_session");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualToIgnoringCase("Lax");
        assertThat(client.get("/write").statusCode()).isEqualTo(200);
    }

    @Test
    void wrongPasswordIsRefusedAndTheTypedEmailIsKept() {
        TestAccounts.Created reader = TestAccounts.create(Role.READER, "Rita Reader");
        Response response = WebClient.anonymous().postForm("/login",
                Map.of("email", reader.email(), "password", "not-the-password"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.asString()).contains("The email or the password is not right.")
                .contains("value=\"" + reader.email() + "\"");
        assertThat(response.getDetailedCookie("qp_session")).isNull();
    }

    @Test
    void aStrangersWrongGuessesFromTheSameAddressOnlySlowTheOwnerDown() {
        TestAccounts.Created reader = TestAccounts.create(Role.READER, "Guessed Reader");
        for (int i = 0; i < 6; i++) {
            assertThat(WebClient.anonymous()
                    .postForm("/login", Map.of("email", reader.email(), "password", "wrong-" + i)).statusCode())
                    .isEqualTo(401);
        }
        long started = System.nanoTime();
        Response right = WebClient.anonymous().postForm("/login",
                Map.of("email", reader.email(), "password", TestAccounts.PASSWORD));

        assertThat(right.statusCode()).isEqualTo(303);
        // past five failures from one address its attempts go one at a time, a few seconds apart
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofSeconds(2));
    }

    @Test
    void pastTheHourlyLimitForAnEmailOnlyADeviceItSignedInFromBeforeGetsIn() {
        TestAccounts.Created reader = TestAccounts.create(Role.READER, "Known Device Reader");
        WebClient ownDevice = reader.signIn();
        assertThat(ownDevice.cookie(KnownDevices.COOKIE)).isNotBlank();
        for (int i = 0; i < 50; i++) {
            throttle.recordFailure("198.51.100." + i, reader.email(), null);
        }
        Map<String, String> right = Map.of("email", reader.email(), "password", TestAccounts.PASSWORD);

        Response stranger = WebClient.anonymous().postForm("/login", right);
        assertThat(stranger.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(stranger.header("Retry-After"))).isPositive();
        assertThat(stranger.asString()).contains("Too many failed attempts");

        ownDevice.postForm("/logout", Map.of(), "/");
        assertThat(ownDevice.postForm("/login", right).statusCode()).isEqualTo(303);
    }

    @Test
    void aKnownDeviceCookieForAnotherEmailOpensNothing() {
        TestAccounts.Created first = TestAccounts.create(Role.READER, "First Device Reader");
        TestAccounts.Created second = TestAccounts.create(Role.READER, "Second Device Reader");
        WebClient device = first.signIn();
        for (int i = 0; i < 50; i++) {
            throttle.recordFailure("198.51.100." + i, second.email(), null);
        }
        device.postForm("/logout", Map.of(), "/");

        assertThat(device.postForm("/login", Map.of("email", second.email(), "password", TestAccounts.PASSWORD))
                .statusCode()).isEqualTo(429);
    }

    @Test
    void aSessionEndsWhenItsFourteenDaysHavePassed() {
        WebClient reader = TestAccounts.create(Role.READER, "Fading Reader").signIn();
        assertThat(reader.get("/account").statusCode()).isEqualTo(200);

        clock.advance(Duration.ofDays(14).plusMinutes(1));

        assertThat(reader.get("/account").statusCode()).isEqualTo(303);
    }

    @Test
    void signInWithoutCsrfTokenIsRefused() {
        TestAccounts.Created reader = TestAccounts.create(Role.READER, "Forged Reader");
        WebClient client = WebClient.anonymous();
        client.get("/login");
        Response response = client.postFormWithoutToken("/login",
                Map.of("email", reader.email(), "password", TestAccounts.PASSWORD));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.getDetailedCookie("qp_session")).isNull();
    }

    @Test
    void redirectToAnotherSiteIsIgnored() {
        TestAccounts.Created reader = TestAccounts.create(Role.READER, "Redirected Reader");
        Response response = WebClient.anonymous().postForm("/login", Map.of("email", reader.email(), "password",
                TestAccounts.PASSWORD, "redirect", "//evil.example/steal"));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).doesNotContain("evil.example");
    }

    @Test
    void signOutIsAPostThatEndsTheSession() {
        WebClient client = TestAccounts.create(Role.AUTHOR, "Leaving Author").signIn();
        assertThat(client.get("/write").statusCode()).isEqualTo(200);

        assertThat(client.get("/logout").statusCode()).isIn(404, 405);
        Response out = client.postForm("/logout", Map.of(), "/");
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(client.get("/write").statusCode()).isEqualTo(303);
    }

    @Test
    void endingAllSessionsInvalidatesACopiedCookie() {
        WebClient client = TestAccounts.create(Role.AUTHOR, "Careful Author").signIn();
        String stolen = client.cookie("qp_session");
        client.postForm("/account/sessions/end", Map.of(), "/account");

        WebClient thief = WebClient.anonymous();
        Response response = thief.request().cookie("qp_session", stolen).get("/write");
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).contains("/login");
    }

    @Test
    void withNoProviderSetUpTheSignInPageOffersEmailAndPasswordOnly() {
        String page = WebClient.anonymous().get("/login").asString();
        assertThat(page).contains("type=\"password\"").doesNotContain("Sign in with", "/login/github");
        assertThat(WebClient.anonymous().get("/login/github").statusCode()).isEqualTo(404);
        assertThat(WebClient.anonymous().get("/login/oidc/callback").statusCode()).isEqualTo(404);
    }

    @Test
    void aBannedAccountIsSignedOutItsTokensStopAndItCannotSignInAgain() {
        TestAccounts.Created reader = TestAccounts.create(Role.READER, "Barry Banned");
        WebClient session = reader.signIn();
        String token = session.postForm("/account/tokens", Map.of("name", "script"), "/account").asString()
                .replaceAll("(?s).*<code class=\"token\">(qp_[A-Za-z0-9_-]+)</code>.*", "$1");
        assertThat(WebClient.anonymous().request().header("Authorization", "Bearer " + token).get("/account")
                .statusCode()).isEqualTo(200);

        Response ban = WebClient.owner().postForm("/admin/accounts/" + reader.principal().id() + "/ban",
                Map.of("reason", "abuse", "days", ""), "/admin/accounts");
        assertThat(ban.statusCode()).isEqualTo(303);

        assertThat(session.get("/account").statusCode()).isEqualTo(303);
        assertThat(WebClient.anonymous().request().header("Authorization", "Bearer " + token).get("/account")
                .statusCode()).isNotEqualTo(200);
        Response again = WebClient.anonymous().postForm("/login",
                Map.of("email", reader.email(), "password", TestAccounts.PASSWORD));
        assertThat(again.statusCode()).isEqualTo(403);
        assertThat(again.asString()).contains("This account is banned: abuse");
    }

    @Test
    void staffCannotBeBannedFromTheAccountsPage() {
        TestAccounts.Created moderator = TestAccounts.create(Role.MODERATOR, "Stan Staff");
        Response refused = WebClient.owner().postForm("/admin/accounts/" + moderator.principal().id() + "/ban",
                Map.of("reason", "no"), "/admin/accounts");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("Staff accounts cannot be banned");
    }
}
