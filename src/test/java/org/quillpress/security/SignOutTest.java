package org.quillpress.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.quillpress.account.Role;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestClock;
import org.quillpress.support.TestPosts;
import org.quillpress.support.WebClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Signing out ends the session on the server; the cookies around it are set the safe way; operations are private. */
@QuarkusTest
class SignOutTest {

    @Test
    void aCopiedSessionCookieIsDeadAfterSignOut() {
        WebClient reader = TestAccounts.create(Role.AUTHOR, "Copy Cat").signIn();
        String copied = reader.cookie(Sessions.COOKIE);
        assertThat(given().redirects().follow(false).cookie(Sessions.COOKIE, copied).get("/account").statusCode())
                .isEqualTo(200);

        assertThat(reader.postForm("/logout", Map.of(), "/account").statusCode()).isEqualTo(303);

        for (String page : new String[] { "/account", "/write" }) {
            Response response = given().redirects().follow(false).cookie(Sessions.COOKIE, copied).get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(303);
            assertThat(response.header("Location")).as(page).contains("/login");
        }
    }

    @Test
    void aSessionCookieAlreadyReadStillExpiresWithItsTime() {
        WebClient reader = TestAccounts.create(Role.AUTHOR, "Late Reader").signIn();
        String cookie = reader.cookie(Sessions.COOKIE);
        // read (and remembered) while it holds
        assertThat(given().redirects().follow(false).cookie(Sessions.COOKIE, cookie).get("/account").statusCode())
                .isEqualTo(200);

        TestClock.current().advance(Duration.ofDays(15));

        Response late = given().redirects().follow(false).cookie(Sessions.COOKIE, cookie).get("/account");
        assertThat(late.statusCode()).isEqualTo(303);
        assertThat(late.header("Location")).contains("/login");
    }

    @Test
    void signingOutEndsOnlyThatSession() {
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Two Devices");
        WebClient laptop = author.signIn();
        WebClient phone = author.signIn();
        laptop.postForm("/logout", Map.of(), "/account");
        assertThat(phone.get("/account").statusCode()).isEqualTo(200);
    }

    @Test
    void theCsrfCookieIsSameSiteAndReplacedAtSignIn() {
        WebClient client = WebClient.anonymous();
        Response page = client.get("/login");
        assertThat(page.getDetailedCookie(WebClient.CSRF).getSameSite()).isEqualToIgnoringCase("Lax");
        String before = client.cookie(WebClient.CSRF);
        Response signedIn = client.postForm("/login",
                Map.of("email", TestAccounts.OWNER_EMAIL, "password", TestAccounts.OWNER_PASSWORD));
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(client.cookie(WebClient.CSRF)).isNotBlank().isNotEqualTo(before);
        assertThat(signedIn.getDetailedCookie(WebClient.CSRF).getSameSite()).isEqualToIgnoringCase("Lax");
        // the new token works: the sign-out form of the next page carries it
        assertThat(client.postForm("/logout", Map.of(), "/account").statusCode()).isEqualTo(303);
    }

    @Test
    void metricsAreNotPublicButTheApiDescriptionIs() {
        assertThat(given().get("/q/metrics").statusCode()).isEqualTo(401);
        assertThat(given().get("/q/openapi").statusCode()).isEqualTo(200);
        WebClient author = TestAccounts.create(Role.AUTHOR, "Curious Author").signIn();
        assertThat(author.get("/q/metrics").statusCode()).isEqualTo(403);
        assertThat(author.get("/q/openapi").statusCode()).isEqualTo(200);
        assertThat(WebClient.owner().get("/q/metrics").statusCode()).isEqualTo(200);
        assertThat(given().get("/q/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void addressesDoNotEachMakeAMetricsSeries() {
        for (int i = 0; i < 5; i++) {
            given().get("/posts/no-such-post-" + i + "-" + System.nanoTime());
            given().get("/no-such-page-" + i + "-" + System.nanoTime());
        }
        // a post seen twice: the second answer comes from the page cache, which REST's route names never see
        String slug = TestPosts.publish(TestAccounts.owner(), TestPosts.unique("Metered "), "Body.", List.of());
        given().get("/posts/" + slug);
        given().get("/posts/" + slug);
        String metrics = WebClient.owner().get("/q/metrics").asString();
        assertThat(metrics).contains("http_server_requests").doesNotContain("no-such-post-")
                .doesNotContain("no-such-page-").doesNotContain(slug);
    }

    @Test
    void strictTransportSecurityOnlyWhenTheSiteIsOnTls() {
        assertThat(StrictTransport.applies(true, "http")).isTrue();
        assertThat(StrictTransport.applies(false, "https")).isTrue();
        assertThat(StrictTransport.applies(false, "http")).isFalse();
        assertThat(given().get("/").header(StrictTransport.HEADER)).isNull();
    }
}
