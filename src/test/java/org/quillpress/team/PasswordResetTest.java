package org.quillpress.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quillpress.account.Role;
import org.quillpress.mail.OutboxMail;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestClock;
import org.quillpress.support.WebClient;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** "Forgot your password?": the link by mail, and what it lets its reader do, once. */
@QuarkusTest
class PasswordResetTest {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/password/reset/([A-Za-z0-9_-]{43})");

    private static final String NEW_PASSWORD = "A-brand-new-password-77";

    @Inject
    TestClock clock;

    /** Every test client comes from the same address: let the hourly mail limits of earlier tests refill. */
    @AfterEach
    void letTheLimitsRefill() {
        clock.advance(Duration.ofHours(1));
    }

    @Test
    void theAnswerIsTheSameWhetherOrNotTheEmailHasAnAccount() {
        TestAccounts.Created reader = TestAccounts.create(Role.READER, "Forgetful Reader");
        String stranger = "nobody-" + System.nanoTime() + "@quillpress.test";

        Response known = ask(reader.email());
        Response unknown = ask(stranger);

        assertThat(known.statusCode()).isEqualTo(200);
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(known.asString()).contains("Check your mail");
        // the pages differ at most in their CSRF tokens
        assertThat(withoutTokens(unknown.asString())).isEqualTo(withoutTokens(known.asString()));
        assertThat(mailsTo(reader.email())).hasSize(1);
        assertThat(mailsTo(stranger)).isEmpty();
    }

    @Test
    void theLinkSetsANewPasswordOnceAndSignsOutEveryOtherSession() {
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Locked Out Author");
        WebClient otherDevice = author.signIn();
        ask(author.email());
        String token = tokenFrom(mailsTo(author.email()).get(0));

        WebClient client = WebClient.anonymous();
        Response page = client.get("/password/reset/" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.asString()).contains("Choose a new password").contains(author.email());

        Response done = client.postForm("/password/reset/" + token, Map.of("password", NEW_PASSWORD));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(client.get("/account").statusCode()).isEqualTo(200);
        assertThat(otherDevice.get("/account").statusCode()).isEqualTo(303);
        assertThat(WebClient.anonymous().postForm("/login",
                Map.of("email", author.email(), "password", TestAccounts.PASSWORD)).statusCode()).isEqualTo(401);
        assertThat(WebClient.signedIn(author.email(), NEW_PASSWORD).get("/write").statusCode()).isEqualTo(200);

        Response again = WebClient.anonymous().postForm("/password/reset/" + token,
                Map.of("password", "Yet-another-password-88"), "/password/forgot");
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.asString()).contains("does not work any more");
        assertThat(WebClient.signedIn(author.email(), NEW_PASSWORD).get("/account").statusCode()).isEqualTo(200);
    }

    @Test
    void anExpiredLinkChangesNothing() {
        TestAccounts.Created reader = TestAccounts.create(Role.READER, "Slow Reader");
        ask(reader.email());
        String token = tokenFrom(mailsTo(reader.email()).get(0));

        clock.advance(Duration.ofMinutes(61));

        assertThat(WebClient.anonymous().get("/password/reset/" + token).statusCode()).isEqualTo(410);
        assertThat(WebClient.anonymous().postForm("/password/reset/" + token, Map.of("password", NEW_PASSWORD),
                "/password/forgot").statusCode()).isEqualTo(410);
        assertThat(WebClient.signedIn(reader.email(), TestAccounts.PASSWORD).get("/account").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aTamperedLinkChangesNothing() {
        TestAccounts.Created reader = TestAccounts.create(Role.READER, "Curious Reader");
        ask(reader.email());
        String token = tokenFrom(mailsTo(reader.email()).get(0));
        String tampered = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);

        assertThat(WebClient.anonymous().get("/password/reset/" + tampered).statusCode()).isEqualTo(410);
        assertThat(WebClient.anonymous().get("/password/reset/short").statusCode()).isEqualTo(410);
        assertThat(WebClient.anonymous().postForm("/password/reset/" + tampered, Map.of("password", NEW_PASSWORD),
                "/password/forgot").statusCode()).isEqualTo(410);
        assertThat(WebClient.anonymous().get("/password/reset/" + token).statusCode()).isEqualTo(200);
    }

    @Test
    void aPasswordThatBreaksTheRulesKeepsTheLinkWorking() {
        TestAccounts.Created reader = TestAccounts.create(Role.READER, "Hasty Reader");
        ask(reader.email());
        String token = tokenFrom(mailsTo(reader.email()).get(0));

        Response refused = WebClient.anonymous().postForm("/password/reset/" + token, Map.of("password", "short"),
                "/password/forgot");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("aria-invalid");
        assertThat(WebClient.anonymous().get("/password/reset/" + token).statusCode()).isEqualTo(200);
    }

    @Test
    void oneEmailGetsAtMostThreeResetMailsAnHour() {
        TestAccounts.Created reader = TestAccounts.create(Role.READER, "Flooded Reader");

        for (int i = 0; i < 5; i++) {
            assertThat(ask(reader.email()).statusCode()).isEqualTo(200);
        }

        assertThat(mailsTo(reader.email())).hasSize(LinkMailLimit.PER_EMAIL_AN_HOUR);
    }

    @Test
    void aResetLetsTheOwnerInWhateverAStrangersGuessingFilled() {
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Besieged Author");
        for (int i = 0; i < 6; i++) {
            WebClient.anonymous().postForm("/login", Map.of("email", author.email(), "password", "guess-" + i));
        }
        ask(author.email());
        String token = tokenFrom(mailsTo(author.email()).get(0));

        WebClient client = WebClient.anonymous();
        long started = System.nanoTime();
        assertThat(client.postForm("/password/reset/" + token, Map.of("password", NEW_PASSWORD)).statusCode())
                .isEqualTo(303);
        client.postForm("/logout", Map.of(), "/");
        assertThat(client.postForm("/login", Map.of("email", author.email(), "password", NEW_PASSWORD)).statusCode())
                .isEqualTo(303);
        // the reset cleared the guesses: the owner was not slowed down
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void theFormNeedsItsCsrfToken() {
        WebClient client = WebClient.anonymous();
        client.get("/password/forgot");
        assertThat(client.postFormWithoutToken("/password/forgot", Map.of("email", "x@quillpress.test")).statusCode())
                .isEqualTo(400);
    }

    private static String withoutTokens(String page) {
        return page.replaceAll("value=\"[A-Za-z0-9_+/=-]{16,}\"", "value=\"\"");
    }

    private static Response ask(String email) {
        return WebClient.anonymous().postForm("/password/forgot", Map.of("email", email));
    }

    private static List<OutboxMail> mailsTo(String email) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMail.listTo(email).stream()
                .filter(m -> m.subject.startsWith("Choose a new password")).toList());
    }

    private static String tokenFrom(OutboxMail mail) {
        Matcher m = LINK.matcher(mail.bodyText);
        assertThat(m.find()).as("a reset link in: %s", mail.bodyText).isTrue();
        return m.group(1);
    }
}
