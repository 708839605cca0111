package org.quillpress.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quillpress.account.Role;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestClock;
import org.quillpress.support.TestComments;
import org.quillpress.support.TestPosts;
import org.quillpress.support.WebClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Input a person or a tool gets wrong answers 4xx with a message, never 500; typed text comes back. */
@QuarkusTest
class BadInputTest {

    @Test
    void aNulByteInACommentIsRefusedNamingTheFieldAndTheTextComesBack() {
        String slug = TestPosts.publish(TestAccounts.owner(), TestPosts.unique("Nul "), "Body.", List.of());
        Response api = TestComments.postAsGuest(slug, "Nul Tester", TestComments.guestEmail("nul"), null,
                "nul \u0000 here", null, null);
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.jsonPath().getString("errors.body")).contains("control characters");

        WebClient guest = WebClient.anonymous();
        String page = guest.get("/posts/" + slug).asString();
        Map<String, Object> form = new HashMap<>(hidden(page));
        form.putAll(Map.of("body", "My long thoughts\u0000", "name", "Bell\u0007 Ringer", "email",
                TestComments.guestEmail("bell")));
        TestClock.current().advance(java.time.Duration.ofSeconds(5));
        Response refused = guest.keep(guest.request().contentType(ContentType.URLENC).formParams(form)
                .post("/posts/" + slug + "/comments"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("control characters").contains("My long thoughts");
    }

    @Test
    void controlCharactersInTheWriteFormAndTheProfileAreRefused() {
        WebClient author = TestAccounts.create(Role.AUTHOR, "Nul Author").signIn();
        Map<String, Object> post = new HashMap<>(Map.of("title", "Title\u0000", "body", "Kept body text",
                "tags", "", "category", "Uncategorized", "status", "PUBLISHED", "kind", "POST", "action", "save"));
        Response write = author.postForm("/write", post);
        assertThat(write.statusCode()).isEqualTo(400);
        assertThat(write.asString()).contains("control characters").contains("Kept body text");

        Response profile = author.postForm("/account/profile",
                Map.of("displayName", "Nul\u0000 Author", "bio", "Kept bio", "website", ""), "/account");
        assertThat(profile.statusCode()).isEqualTo(400);
        assertThat(profile.asString()).contains("control characters").contains("Kept bio");
    }

    @Test
    void aNulByteInTheSearchIsABadRequest() {
        Response search = given().urlEncodingEnabled(false).get("/search?q=a%00b");
        assertThat(search.statusCode()).isEqualTo(400);
        assertThat(search.asString()).contains("control characters");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/tag/a%20b/", "/category/x%3Cy/", "/tag/%3Cscript%3E/", "/category/a/b%20c/" })
    void oddLegacyTermAddressesAreNotFound(String path) {
        assertThat(given().urlEncodingEnabled(false).redirects().follow(false).get(path).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aSignInReturnPathWithASpaceLeadsHomeInsteadOfFailing() {
        WebClient client = WebClient.anonymous();
        Response signedIn = client.postForm("/login", Map.of("email", TestAccounts.OWNER_EMAIL, "password",
                TestAccounts.OWNER_PASSWORD, "redirect", "/posts/a b<c"), "/login");
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.header("Location")).endsWith("/");
        assertThat(SafeRedirect.path("/posts/a b", "/")).isEqualTo("/");
        assertThat(SafeRedirect.path("/posts/a%20b?x=1#c", "/")).isEqualTo("/posts/a%20b?x=1#c");
    }

    @Test
    void tooManyFormFieldsAreABadRequestWithAMessage() {
        String slug = TestPosts.publish(TestAccounts.owner(), TestPosts.unique("Many fields "), "Body.", List.of());
        WebClient guest = WebClient.anonymous();
        Map<String, Object> form = new HashMap<>(hidden(guest.get("/posts/" + slug).asString()));
        for (int i = 0; i < 1100; i++) {
            form.put("f" + i, "x");
        }
        Response response = guest.request().contentType(ContentType.URLENC).formParams(form)
                .post("/posts/" + slug + "/comments");
        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(response.asString()).contains("too many fields");
    }

    @Test
    void anEmptyMultipartBodyIsABadRequestWithAMessage() {
        String slug = TestPosts.publish(TestAccounts.owner(), TestPosts.unique("Multipart "), "Body.", List.of());
        Response response = given().contentType("multipart/form-data; boundary=nothing-here").body(new byte[0])
                .post("/posts/" + slug + "/comments");
        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(response.asString()).contains("The form could not be read");
    }

    @Test
    void controlCharactersAreFoundButLineBreaksAndTabsAreText() {
        assertThat(ControlCharacters.present("a\tb\r\nc")).isFalse();
        assertThat(ControlCharacters.present("a\u0000b")).isTrue();
        assertThat(ControlCharacters.present("a\u001bb")).isTrue();
        assertThat(ControlCharacters.present("a\u0085b")).isTrue();
        assertThat(ControlCharacters.present(null)).isFalse();
    }

    private static Map<String, String> hidden(String page) {
        Map<String, String> fields = new HashMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("<input type=\"hidden\" name=\"(csrf-token|started)\" value=\"([^\"]*)\"").matcher(page);
        while (m.find()) {
            fields.put(m.group(1), m.group(2));
        }
        return fields;
    }
}
