package org.quillpress.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quillpress.account.Role;
import org.quillpress.mail.OutboxMail;
import org.quillpress.site.SiteSetting;
import org.quillpress.site.SiteSettings;
import org.quillpress.support.SiteLanguages;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestClock;
import org.quillpress.support.TestPosts;
import org.quillpress.support.WebClient;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The site's language, an owner's setting: every page, error page and mail speaks it; Arabic is right to left. */
@QuarkusTest
class SiteLanguageTest {

    private static final String GERMAN_DATE = "\\d{1,2}\\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September"
            + "|Oktober|November|Dezember) \\d{4}";

    @Inject
    TestClock clock;

    @AfterEach
    void backToEnglish() {
        SiteLanguages.use("en");
        WebClient.owner().postForm("/admin/accounts/sign-up", Map.of(), "/admin/accounts");
        // every test client comes from the same address: let the hourly mail limits refill
        clock.advance(Duration.ofHours(1));
    }

    @Test
    void englishIsTheDefaultAndWritesLeftToRight() {
        String home = WebClient.anonymous().get("/").asString();

        assertThat(home).contains("<html lang=\"en\">").contains("Skip to content");
    }

    @Test
    void inGermanEveryPageAndMailSpeaksGerman() {
        String title = TestPosts.unique("Sprachprobe ");
        String slug = TestPosts.publish(TestAccounts.owner(), title, "Ein Beitrag, auf Deutsch gezeigt.", List.of());
        TestAccounts.Created reader = TestAccounts.create(Role.READER, "Vergesslicher Leser");

        assertThat(SiteLanguages.use("de").statusCode()).isEqualTo(303);
        assertThat(QuarkusTransaction.requiringNew().call(() -> SiteSetting.get(SiteSettings.LANGUAGE))).contains("de");

        String home = WebClient.anonymous().get("/").asString();
        assertThat(home).contains("<html lang=\"de\">").contains("Zum Inhalt springen").contains("Startseite")
                .contains("Weiterlesen").contains("Anmelden").doesNotContain("Skip to content")
                .containsPattern(GERMAN_DATE);
        assertThat(WebClient.anonymous().get("/posts/" + slug).asString()).contains(title)
                .contains("Veröffentlicht in").contains("Permalink").containsPattern(GERMAN_DATE);
        assertThat(WebClient.anonymous().get("/login").asString()).contains("Passwort vergessen?")
                .contains(">Passwort</label>").doesNotContain("Forgot your password?");

        WebClient.owner().postForm("/admin/accounts/sign-up", Map.of("open", "on"), "/admin/accounts");
        assertThat(WebClient.anonymous().get("/signup").asString()).contains("Registrieren").contains("Link senden");

        Response missing = WebClient.anonymous().get("/no-such-page-" + System.nanoTime());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.asString()).contains("Nicht gefunden").contains("Unter dieser Adresse gibt es nichts.")
                .contains("Fehler 404.");

        WebClient.anonymous().postForm("/password/forgot", Map.of("email", reader.email()));
        OutboxMail mail = QuarkusTransaction.requiringNew().call(() -> OutboxMail.listTo(reader.email()).get(0));
        assertThat(mail.subject).startsWith("Wählen Sie ein neues Passwort für");
        assertThat(mail.bodyText).contains("Jemand, hoffentlich Sie, möchte ein neues Passwort")
                .contains("innerhalb von 60 Minuten");
        assertThat(mail.bodyHtml).contains("<html lang=\"de\">").contains("Neues Passwort wählen");
    }

    @Test
    void arabicIsWrittenRightToLeftAndWhatItLacksShowsInEnglish() {
        assertThat(SiteLanguages.use("ar").statusCode()).isEqualTo(303);

        String home = WebClient.anonymous().get("/").asString();

        assertThat(home).contains("<html lang=\"ar\" dir=\"rtl\">").contains("انتقل إلى المحتوى")
                .contains("Search posts");
    }

    @Test
    void aLanguageTheSiteDoesNotOfferIsRefusedAndNothingChanges() {
        Response refused = SiteLanguages.use("xx");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("id=\"language-error\"")
                .contains("Choose a language from the list: en, de, ar.");
        assertThat(WebClient.anonymous().get("/").asString()).contains("<html lang=\"en\">");
    }
}
