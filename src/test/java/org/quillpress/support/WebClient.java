package org.quillpress.support;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A client that behaves like a browser: it keeps cookies between requests, reads the CSRF token from the
 * pages it loads, and sends it with its forms (as the hidden field) and JSON writes (as the header).
 */
public class WebClient {

    public static final String CSRF = "csrf-token";
    private static final Pattern CSRF_FIELD = Pattern
            .compile("name=\"" + CSRF + "\" value=\"([^\"]+)\"");

    private final Map<String, String> cookies = new HashMap<>();

    public static WebClient anonymous() {
        return new WebClient();
    }

    /** A client signed in through the /login form. */
    public static WebClient signedIn(String email, String password) {
        WebClient client = new WebClient();
        Response response = client.postForm("/login", Map.of("email", email, "password", password));
        if (response.statusCode() != 303) {
            throw new AssertionError("sign-in failed with " + response.statusCode());
        }
        return client;
    }

    public static WebClient owner() {
        return signedIn(TestAccounts.OWNER_EMAIL, TestAccounts.OWNER_PASSWORD);
    }

    public RequestSpecification request() {
        return given().redirects().follow(false).cookies(cookies);
    }

    public Response get(String path) {
        return keep(request().get(path));
    }

    /** Loads {@code formPage} for its CSRF token, then posts the fields with it. */
    public Response postForm(String path, Map<String, ?> fields) {
        return postForm(path, fields, path);
    }

    public Response postForm(String path, Map<String, ?> fields, String formPage) {
        String token = tokenFrom(formPage);
        Map<String, Object> all = new HashMap<>(fields);
        all.put(CSRF, token);
        return keep(request().contentType(ContentType.URLENC).formParams(all).post(path));
    }

    /** Posts a form exactly as given, without adding a CSRF token. */
    public Response postFormWithoutToken(String path, Map<String, ?> fields) {
        return keep(request().contentType(ContentType.URLENC).formParams(fields).post(path));
    }

    /** A JSON request carrying the CSRF cookie's value in the X-CSRF-TOKEN header, as a page script would. */
    public RequestSpecification json() {
        if (!cookies.containsKey(CSRF)) {
            get("/");
        }
        return request().contentType(ContentType.JSON).accept(ContentType.JSON).header("X-CSRF-TOKEN",
                cookies.get(CSRF));
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    public Response keep(Response response) {
        response.getDetailedCookies().forEach(c -> {
            if (c.getMaxAge() == 0) {
                cookies.remove(c.getName());
            } else {
                cookies.put(c.getName(), c.getValue());
            }
        });
        return response;
    }

    private String tokenFrom(String page) {
        Response response = get(page.startsWith("/api/") ? "/" : page);
        Matcher m = CSRF_FIELD.matcher(response.asString());
        if (m.find()) {
            return m.group(1);
        }
        // pages without a form still set the cookie; the field carries the same value
        return cookies.get(CSRF);
    }
}
