package org.quillpress.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.quillpress.account.Account;
import org.quillpress.account.Role;
import org.quillpress.site.SiteSetting;
import org.quillpress.support.WebClient;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

@QuarkusTest
@TestProfile(SetupResourceTest.NoOwnerConfigured.class)
class SetupResourceTest {

    /** A new site: no owner email or password in the configuration, so the database starts without an owner. */
    public static class NoOwnerConfigured implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // application.properties sets the %test. keys, and a profiled key wins over a plain one
            return Map.of("quillpress.admin.email", "", "quillpress.admin.password", "",
                    "%test.quillpress.admin.email", "", "%test.quillpress.admin.password", "");
        }
    }

    private static final String NAME = "Olive Owner";
    private static final String EMAIL = "olive.owner@quillpress.test";
    private static final String PASSWORD = "Olive-Password-2026";

    @Test
    void firstOwnerIsCreatedWithTheLoggedTokenAndThenSetupIsGone() {
        WebClient client = WebClient.anonymous();
        String form = client.get("/setup").asString();
        assertThat(form).contains("Set up your site", "name=\"token\"", "name=\"displayName\"", "name=\"email\"",
                "name=\"password\"", "name=\"csrf-token\"");

        Response wrongToken = client.postForm("/setup", fields("not-the-setup-token", PASSWORD));
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(wrongToken.asString())
                .contains("id=\"token-error\">This is not the setup token. Copy it from the server log.</span>")
                .contains("value=\"" + NAME + "\"", "value=\"" + EMAIL + "\"")
                .doesNotContain(PASSWORD);
        assertThat(wrongToken.getDetailedCookie("qp_session")).isNull();

        // the server log shows this token; the test reads it where the log line takes it from
        String token = QuarkusTransaction.requiringNew()
                .call(() -> SiteSetting.get(OwnerBootstrap.SETUP_TOKEN).orElseThrow());
        Response shortPassword = client.postForm("/setup", fields(token, "short"));
        assertThat(shortPassword.statusCode()).isEqualTo(400);
        assertThat(shortPassword.asString()).contains("id=\"password-error\">Use at least 10 characters.</span>")
                .contains("value=\"" + NAME + "\"", "value=\"" + EMAIL + "\"");
        assertThat(adminCount()).isZero();

        Response created = client.postForm("/setup", fields(token, PASSWORD));
        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(created.header("Location")).endsWith("/admin");
        assertThat(created.getDetailedCookie("qp_session")).isNotNull();
        assertThat(client.get("/admin").asString()).contains("Site settings", NAME);
        assertThat(adminCount()).isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> SiteSetting.get(OwnerBootstrap.SETUP_TOKEN)))
                .isEmpty();

        assertThat(client.get("/setup").statusCode()).isEqualTo(404);
        WebClient latecomer = WebClient.anonymous();
        assertThat(latecomer.get("/setup").statusCode()).isEqualTo(404);
        Response secondOwner = latecomer.postForm("/setup",
                Map.of("token", token, "displayName", "Second Owner", "email", "second@quillpress.test", "password",
                        "Second-Password-2026"),
                "/login");
        assertThat(secondOwner.statusCode()).isEqualTo(404);
        assertThat(adminCount()).isEqualTo(1);
    }

    private static Map<String, String> fields(String token, String password) {
        return Map.of("token", token, "displayName", NAME, "email", EMAIL, "password", password);
    }

    private static long adminCount() {
        return QuarkusTransaction.requiringNew().call(() -> Account.count("role", Role.ADMIN));
    }
}
