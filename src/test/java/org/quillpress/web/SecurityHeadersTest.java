package org.quillpress.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.quillpress.account.Role;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestPosts;
import org.quillpress.support.WebClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class SecurityHeadersTest {

    private static final Pattern SCRIPT_TAG = Pattern.compile("<script\\b([^>]*)>(.*?)</script>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern RESOURCE_TAG = Pattern.compile("<(link|script|img)\\b[^>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern URL_ATTRIBUTE = Pattern.compile("\\b(src|href)\\s*=\\s*\"([^\"]*)\"",
            Pattern.CASE_INSENSITIVE);
    private static final String PROBLEM = "application/problem+json";

    @Test
    void homePageSendsStrictSecurityHeaders() {
        Response response = WebClient.anonymous().get("/");

        String csp = response.header("Content-Security-Policy");
        assertThat(csp).isNotNull();
        String scripts = directive(csp, "script-src");
        assertThat(scripts).as("script-src (or default-src)").isNotNull().contains("'self'")
                .doesNotContain("'unsafe-inline'");
        assertThat(directive(csp, "frame-ancestors")).isEqualTo("frame-ancestors 'none'");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Referrer-Policy")).isIn("no-referrer", "same-origin", "strict-origin",
                "strict-origin-when-cross-origin");
    }

    @Test
    void homePageHasNoInlineScriptAndLoadsNothingFromOtherHosts() {
        String html = WebClient.anonymous().get("/").asString();

        Matcher scripts = SCRIPT_TAG.matcher(html);
        int scriptCount = 0;
        while (scripts.find()) {
            scriptCount++;
            assertThat(scripts.group(1)).as("script tag attributes").contains("src=");
            assertThat(scripts.group(2)).as("script tag body").isBlank();
        }
        assertThat(scriptCount).as("the page's own script is found").isPositive();

        // the canonical link names the page at the configured site address; that is this site, not another host
        String siteUrl = ConfigProvider.getConfig().getValue("quillpress.site-url", String.class);
        List<String> foreign = new ArrayList<>();
        Matcher tags = RESOURCE_TAG.matcher(html);
        while (tags.find()) {
            Matcher url = URL_ATTRIBUTE.matcher(tags.group());
            while (url.find()) {
                String address = url.group(2).strip().toLowerCase();
                boolean absolute = address.startsWith("http://") || address.startsWith("https://")
                        || address.startsWith("//");
                if (absolute && !address.startsWith(siteUrl.toLowerCase() + "/")) {
                    foreign.add(tags.group());
                }
            }
        }
        assertThat(foreign).isEmpty();
    }

    @Test
    void jsonWriteWithSessionCookieNeedsTheCsrfHeader() {
        WebClient owner = WebClient.owner();
        owner.get("/");
        assertThat(owner.cookie(WebClient.CSRF)).as("the browser holds the CSRF cookie").isNotNull();
        String slug = TestPosts.unique("csrf-");

        Response withoutHeader = owner.request().contentType(ContentType.JSON).body(post(slug)).post("/api/v1/posts");

        assertThat(withoutHeader.statusCode()).isEqualTo(403);
        assertThat(withoutHeader.contentType()).startsWith(PROBLEM);
        assertThat(withoutHeader.jsonPath().getInt("status")).isEqualTo(403);
        Response wrongHeader = owner.request().contentType(ContentType.JSON).header("X-CSRF-TOKEN", "guessed")
                .body(post(slug)).post("/api/v1/posts");
        assertThat(wrongHeader.statusCode()).isEqualTo(403);
        assertThat(WebClient.anonymous().get("/api/v1/posts/" + slug).statusCode()).isEqualTo(404);

        Response withHeader = owner.json().body(post(slug)).post("/api/v1/posts");

        assertThat(withHeader.statusCode()).isEqualTo(201);
        assertThat(withHeader.header("Location")).endsWith("/api/v1/posts/" + slug);
    }

    @Test
    void anonymousJsonWriteIsUnauthorizedAsProblemJson() {
        String slug = TestPosts.unique("guest-");

        Response response = WebClient.anonymous().request().contentType(ContentType.JSON).body(post(slug))
                .post("/api/v1/posts");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.contentType()).startsWith(PROBLEM);
        assertThat(response.jsonPath().getInt("status")).isEqualTo(401);
        assertThat(WebClient.anonymous().get("/api/v1/posts/" + slug).statusCode()).isEqualTo(404);
    }

    @Test
    void unknownPageIsAFriendlyNotFoundPage() {
        Response response = WebClient.anonymous().get("/no/such/page/here");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("text/html");
        assertThat(response.asString()).contains("Not found", "<a href=\"/\">Back to the home page</a>")
                .doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void unknownPageIsAFriendlyNotFoundPageForSignedInPeopleToo() {
        WebClient reader = TestAccounts.create(Role.READER, "Lost Reader").signIn();
        Response response = reader.get("/no/such/page/here");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("text/html");
        assertThat(response.asString()).contains("Not found", "Lost Reader").doesNotContain("Exception")
                .doesNotContain("at org.");
        // the sign-out form on the page still works
        assertThat(response.asString())
                .contains("name=\"" + WebClient.CSRF + "\" value=\"" + reader.cookie(WebClient.CSRF) + "\"");
    }

    @Test
    void unknownApiPathIsNotFoundAsProblemJson() {
        Response response = WebClient.anonymous().request().accept(ContentType.JSON).get("/api/v1/no-such-thing");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.contentType()).startsWith(PROBLEM);
        assertThat(response.jsonPath().getInt("status")).isEqualTo(404);
    }

    @Test
    void malformedJsonIsABadRequestWithoutStackTrace() {
        Response response = WebClient.owner().json().body("{\"title\": \"Broken\", \"body\": ")
                .post("/api/v1/posts");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.contentType()).startsWith(PROBLEM);
        assertThat(response.asString()).doesNotContain("Exception").doesNotContain("at com.")
                .doesNotContain("at org.").doesNotContain("jackson");
    }

    @Test
    void fieldOfTheWrongTypeIsABadRequestNamingTheField() {
        Response response = WebClient.owner().json().body("{\"title\": [\"x\"], \"body\": \"Text\"}")
                .post("/api/v1/posts");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.contentType()).startsWith(PROBLEM);
        assertThat(response.jsonPath().getMap("errors")).containsKey("title");
        assertThat(response.asString()).doesNotContain("Exception").doesNotContain("jackson");

        Response inList = WebClient.owner().json().body("{\"title\": \"t\", \"tags\": [{\"a\": 1}]}")
                .post("/api/v1/posts");
        assertThat(inList.statusCode()).isEqualTo(400);
        assertThat(inList.jsonPath().getMap("errors")).containsKey("tags");
    }

    private static Map<String, String> post(String slug) {
        return Map.of("title", "Post " + slug, "body", "Some words.", "slug", slug, "status", "PUBLISHED");
    }

    /** The named directive of a policy, falling back to default-src as browsers do. */
    private static String directive(String policy, String name) {
        List<String> directives = Arrays.stream(policy.split(";")).map(String::strip).toList();
        return directives.stream().filter(d -> d.startsWith(name + " ")).findFirst()
                .orElseGet(() -> directives.stream().filter(d -> d.startsWith("default-src ")).findFirst()
                        .orElse(null));
    }
}
