package org.quillpress.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.quillpress.support.WebClient;

import io.restassured.response.Response;

/**
 * A person at the provider: follows the app's redirect to the test OIDC server, types a user name and claims
 * into its login form, and follows the redirects back to the app like a browser (the provider's own pages get
 * no app cookies).
 */
final class ProviderLogin {

    private static final Pattern LOCATION_CODE = Pattern.compile("[?&]code=");

    private ProviderLogin() {
    }

    /** Where the provider's login form sends the browser back to: the app's callback with code and state. */
    static String callbackAfterLogin(WebClient client, String startPath, String username, String claimsJson) {
        Response start = client.keep(client.request().urlEncodingEnabled(false).get(startPath));
        assertThat(start.statusCode()).as("redirect to the provider from " + startPath).isEqualTo(302);
        String authorize = start.header("Location");
        assertThat(authorize).contains("/authorize");
        Response form = given().urlEncodingEnabled(false).redirects().follow(false).get(authorize);
        assertThat(form.statusCode()).isEqualTo(200);
        Response login = given().urlEncodingEnabled(false).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("username", username).formParam("claims", claimsJson).post(authorize);
        assertThat(login.statusCode()).isEqualTo(302);
        String callback = login.header("Location");
        assertThat(LOCATION_CODE.matcher(callback).find()).as(callback).isTrue();
        return callback;
    }

    /** The whole round trip; the answer is the app's last one (a 303 to where the reader goes next, or a page). */
    static Response signIn(WebClient client, String startPath, String username, String claimsJson) {
        String callback = callbackAfterLogin(client, startPath, username, claimsJson);
        Response back = client.keep(client.request().urlEncodingEnabled(false).get(callback));
        if (back.statusCode() != 302) {
            return back;
        }
        // Quarkus OIDC checked the code and returns to the path the sign-in started from
        return client.keep(client.request().urlEncodingEnabled(false).get(pathOf(back.header("Location"))));
    }

    private static final Pattern REFRESH = Pattern.compile(
            "<meta http-equiv=\"refresh\" content=\"0; url=([^\"]+)\">");

    /**
     * The page a form leads to before the provider (not a redirect, which the CSP's form-action would stop): it
     * moves on by itself to the returned path, and links to it for when it does not.
     */
    static String onTheWay(Response page) {
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.asString();
        Matcher refresh = REFRESH.matcher(html);
        assertThat(refresh.find()).as(html).isTrue();
        String next = refresh.group(1).replace("&amp;", "&");
        assertThat(html).contains("href=\"" + refresh.group(1) + "\"");
        return next;
    }

    static String pathOf(String location) {
        Matcher m = Pattern.compile("^https?://[^/]+(/.*)$").matcher(location);
        return m.matches() ? m.group(1) : location;
    }
}
