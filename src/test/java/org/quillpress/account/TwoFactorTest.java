package org.quillpress.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quillpress.mail.OutboxMail;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestClock;
import org.quillpress.support.WebClient;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Two-factor sign-in: set up with an authenticator app, then every password sign-in asks for a code. */
@QuarkusTest
class TwoFactorTest {

    private static final Pattern SECRET = Pattern.compile("<code class=\"totp-secret\">([A-Z2-7]+)</code>");

    private static final Pattern RECOVERY = Pattern.compile("<li><code>([a-z0-9-]+)</code></li>");

    @Inject
    TestClock clock;

    /** Every test client comes from the same address: let the limits of earlier tests refill. */
    @AfterEach
    void letTheLimitsRefill() {
        clock.advance(Duration.ofHours(1));
    }

    @Test
    void withTwoFactorOnAPasswordAloneStartsNoSession() {
        TestAccounts.Created editor = TestAccounts.create(Role.EDITOR, "Careful Editor");
        Enabled enabled = enable(editor);

        WebClient client = WebClient.anonymous();
        Response password = client.postForm("/login",
                Map.of("email", editor.email(), "password", TestAccounts.PASSWORD, "redirect", "/write"));
        assertThat(password.statusCode()).isEqualTo(303);
        assertThat(password.header("Location")).contains("/two-factor");
        assertThat(client.cookie("qp_session")).isNull();
        assertThat(client.get("/write").statusCode()).isEqualTo(303);

        assertThat(client.postForm("/two-factor", Map.of("code", "000000", "redirect", "/write")).statusCode())
                .isEqualTo(401);
        clock.advance(Duration.ofSeconds(30));
        String code = code(enabled.secret);
        Response signedIn = client.postForm("/two-factor", Map.of("code", code, "redirect", "/write"));
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.header("Location")).endsWith("/write");
        assertThat(client.get("/write").statusCode()).isEqualTo(200);

        // a code seen once is not taken again
        WebClient replay = WebClient.anonymous();
        replay.postForm("/login", Map.of("email", editor.email(), "password", TestAccounts.PASSWORD));
        assertThat(replay.postForm("/two-factor", Map.of("code", code)).statusCode()).isEqualTo(401);
    }

    @Test
    void aRecoveryCodeWorksOnce() {
        TestAccounts.Created admin = TestAccounts.create(Role.AUTHOR, "Phone Losing Author");
        Enabled enabled = enable(admin);
        assertThat(enabled.recoveryCodes).hasSize(10);

        WebClient first = WebClient.anonymous();
        first.postForm("/login", Map.of("email", admin.email(), "password", TestAccounts.PASSWORD));
        assertThat(first.postForm("/two-factor", Map.of("code", enabled.recoveryCodes.get(0))).statusCode())
                .isEqualTo(303);
        assertThat(first.get("/account").statusCode()).isEqualTo(200);

        WebClient second = WebClient.anonymous();
        second.postForm("/login", Map.of("email", admin.email(), "password", TestAccounts.PASSWORD));
        assertThat(second.postForm("/two-factor", Map.of("code", enabled.recoveryCodes.get(0))).statusCode())
                .isEqualTo(401);
        assertThat(first.get("/account/two-factor").asString()).contains("9 recovery codes are left");
    }

    @Test
    void aPasswordResetDoesNotSkipTheCode() {
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Resetting Author");
        enable(author);
        WebClient.anonymous().postForm("/password/forgot", Map.of("email", author.email()));
        String mail = QuarkusTransaction.requiringNew().call(() -> OutboxMail.listTo(author.email()).get(0).bodyText);
        Matcher link = Pattern.compile("/password/reset/([A-Za-z0-9_-]{43})").matcher(mail);
        assertThat(link.find()).isTrue();

        WebClient client = WebClient.anonymous();
        Response reset = client.postForm("/password/reset/" + link.group(1),
                Map.of("password", "Reset-But-Still-Two-Factor-1"));

        assertThat(reset.statusCode()).isEqualTo(303);
        assertThat(reset.header("Location")).contains("/two-factor");
        assertThat(client.get("/account").statusCode()).isEqualTo(303);
    }

    @Test
    void turningItOffTakesACode() {
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Undecided Author");
        Enabled enabled = enable(author);

        assertThat(enabled.client.postForm("/account/two-factor/disable", Map.of("code", "123456"),
                "/account/two-factor").statusCode()).isEqualTo(400);
        clock.advance(Duration.ofSeconds(30));
        assertThat(enabled.client.postForm("/account/two-factor/disable", Map.of("code", code(enabled.secret)),
                "/account/two-factor").statusCode()).isEqualTo(303);

        assertThat(WebClient.anonymous().postForm("/login",
                Map.of("email", author.email(), "password", TestAccounts.PASSWORD)).header("Location"))
                .doesNotContain("/two-factor");
    }

    private record Enabled(WebClient client, String secret, List<String> recoveryCodes) {
    }

    private Enabled enable(TestAccounts.Created account) {
        WebClient client = account.signIn();
        assertThat(client.get("/account").asString()).contains("/account/two-factor");
        Response setup = client.postForm("/account/two-factor/setup", Map.of(), "/account/two-factor");
        assertThat(setup.statusCode()).isEqualTo(200);
        Matcher secret = SECRET.matcher(setup.asString());
        assertThat(secret.find()).as(setup.asString()).isTrue();
        assertThat(setup.asString()).contains("src=\"data:image/png;base64,");

        Response enabled = client.postForm("/account/two-factor/enable", Map.of("code", code(secret.group(1))),
                "/account/two-factor");
        assertThat(enabled.statusCode()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        Matcher recovery = RECOVERY.matcher(enabled.asString());
        while (recovery.find()) {
            codes.add(recovery.group(1));
        }
        return new Enabled(client, secret.group(1), codes);
    }

    private String code(String secret) {
        try {
            return new DefaultCodeGenerator().generate(secret, clock.instant().getEpochSecond() / 30);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
