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
import org.quillpress.account.Account;
import org.quillpress.account.Role;
import org.quillpress.mail.OutboxMail;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestClock;
import org.quillpress.support.WebClient;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Readers signing up by email: closed until an admin opens it, and confirmed by a one-time link. */
@QuarkusTest
class ReaderSignUpTest {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/signup/([A-Za-z0-9_-]{43})");

    @Inject
    TestClock clock;

    @AfterEach
    void closeAgainAndLetTheLimitsRefill() {
        WebClient.owner().postForm("/admin/accounts/sign-up", Map.of(), "/admin/accounts");
        clock.advance(Duration.ofHours(1));
    }

    @Test
    void signUpIsClosedUntilAnAdminOpensIt() {
        assertThat(WebClient.anonymous().get("/signup").statusCode()).isEqualTo(404);
        assertThat(WebClient.anonymous().get("/login").asString()).doesNotContain("href=\"/signup\"");

        open();

        assertThat(WebClient.anonymous().get("/signup").statusCode()).isEqualTo(200);
        assertThat(WebClient.anonymous().get("/login").asString()).contains("href=\"/signup\"");
    }

    @Test
    void aConfirmedEmailBecomesAReaderAccountOnce() {
        open();
        String email = "joiner-" + System.nanoTime() + "@signup.test";

        Response sent = WebClient.anonymous().postForm("/signup", Map.of("email", email));
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.asString()).contains("Check your mail");
        String token = tokenFrom(mailsTo(email).get(0));
        assertThat(roleOf(email)).isNull();

        WebClient reader = WebClient.anonymous();
        assertThat(reader.get("/signup/" + token).asString()).contains("Finish signing up").contains(email);
        Response created = reader.postForm("/signup/" + token,
                Map.of("displayName", "Joining Reader", "password", "Joining-Password-2026"));

        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(created.header("Location")).doesNotContain("/write");
        assertThat(reader.get("/account").statusCode()).isEqualTo(200);
        assertThat(roleOf(email)).isEqualTo(Role.READER);
        assertThat(WebClient.anonymous().get("/signup/" + token).statusCode()).isEqualTo(410);
    }

    @Test
    void anEmailWithAnAccountGetsTheSameAnswerAndNoMail() {
        open();
        TestAccounts.Created existing = TestAccounts.create(Role.AUTHOR, "Existing Author");

        Response sent = WebClient.anonymous().postForm("/signup", Map.of("email", existing.email()));

        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.asString()).contains("Check your mail");
        assertThat(mailsTo(existing.email())).isEmpty();
    }

    private static void open() {
        assertThat(WebClient.owner().postForm("/admin/accounts/sign-up", Map.of("open", "on"), "/admin/accounts")
                .statusCode()).isEqualTo(303);
    }

    private static Role roleOf(String email) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Account.<Account> find("email", email).firstResultOptional().map(a -> a.role).orElse(null));
    }

    private static List<OutboxMail> mailsTo(String email) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMail.listTo(email).stream()
                .filter(m -> m.subject.startsWith("Confirm your email")).toList());
    }

    private static String tokenFrom(OutboxMail mail) {
        Matcher m = LINK.matcher(mail.bodyText);
        assertThat(m.find()).as("a sign-up link in: %s", mail.bodyText).isTrue();
        return m.group(1);
    }
}
