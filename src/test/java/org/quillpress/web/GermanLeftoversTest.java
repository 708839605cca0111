package org.quillpress.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quillpress.account.Role;
import org.quillpress.mail.OutboxMail;
import org.quillpress.support.SiteLanguages;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestClock;
import org.quillpress.support.TestComments;
import org.quillpress.support.TestPosts;
import org.quillpress.support.WebClient;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * On a German site the words that come from Java speak German too: refusals of forms and of the API, role names,
 * why a comment was held, a WordPress import's report, and the audit log, including rows written while the site
 * spoke English.
 */
@QuarkusTest
class GermanLeftoversTest {

    private static final Pattern INVITATION = Pattern.compile("https?://\\S+/invitations/([A-Za-z0-9_-]{43})");

    @Inject
    TestClock clock;

    @BeforeEach
    void inGerman() {
        assertThat(SiteLanguages.use("de").statusCode()).isEqualTo(303);
    }

    @AfterEach
    void backToEnglish() {
        SiteLanguages.use("en");
        // every test client comes from the same address: let the hourly limits refill
        clock.advance(Duration.ofHours(1));
    }

    @Test
    void formRefusalsFromJavaAreGerman() {
        Response nameless = WebClient.owner().postForm("/admin/categories", Map.of("name", "???", "parent", ""),
                "/admin/categories");
        assertThat(nameless.statusCode()).isEqualTo(400);
        assertThat(nameless.asString()).contains("Geben Sie der Kategorie einen Namen mit einem Buchstaben oder einer Ziffer.")
                .doesNotContain("Give the category a name");

        String slug = TestPosts.publish(TestAccounts.owner(), TestPosts.unique("Formprobe "), "Text.", List.of());
        WebClient reader = TestAccounts.create(Role.READER, "Leerer Leser").signIn();
        Response empty = reader.postForm("/posts/" + slug + "/comments", Map.of("body", "   ", "action", "post"),
                "/posts/" + slug);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.asString()).contains("Schreiben Sie zuerst einen Kommentar.").doesNotContain("Write a comment first.");

        Response guest = WebClient.anonymous().postForm("/posts/" + slug + "/comments",
                Map.of("body", "Hallo", "name", "", "email", "keine-adresse", "action", "post"), "/posts/" + slug);
        assertThat(guest.statusCode()).isEqualTo(400);
        assertThat(guest.asString()).contains("Geben Sie Ihren Namen ein.")
                .contains("Geben Sie eine E-Mail-Adresse wie name@example.org ein.");
    }

    @Test
    void theApisProblemsAndTheBodyLimitAreGerman() {
        String slug = TestPosts.publish(TestAccounts.owner(), TestPosts.unique("API-Probe "), "Text.", List.of());

        Response invalid = TestComments.postAsGuest(slug, "", TestComments.guestEmail("api"), null, "Hallo", null, null);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(invalid.jsonPath().getString("title")).isEqualTo("Ungültige Eingabe");
        assertThat(invalid.jsonPath().getString("errors.name")).isEqualTo("Geben Sie Ihren Namen ein.");

        WebClient reader = TestAccounts.create(Role.READER, "Leser ohne Token").signIn();
        Response forged = reader.request().contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Map.of("body", "Hallo")).post("/api/v1/posts/" + slug + "/comments");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.jsonPath().getString("title")).isEqualTo("CSRF-Token fehlt");
        assertThat(forged.jsonPath().getString("detail")).contains("Sitzungs-Cookie").contains("X-CSRF-TOKEN");

        Response tooLarge = given().contentType(ContentType.URLENC).body("body=" + "a".repeat(5 * 1024 * 1024))
                .post("/posts/" + slug + "/comments");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.asString()).contains("Der Inhalt der Anfrage ist größer als 4 MB");
    }

    @Test
    void anInvitationNamesTheRoleInGerman() {
        String email = "eingeladen-" + System.nanoTime() + "@invited.test";
        WebClient.owner().postForm("/admin/invitations", Map.of("email", email, "role", "AUTHOR"), "/admin/accounts");

        OutboxMail mail = QuarkusTransaction.requiringNew().call(() -> OutboxMail.listTo(email).get(0));
        assertThat(mail.bodyText).contains("als Autor beizutreten").doesNotContain("als author");
        Matcher link = INVITATION.matcher(mail.bodyText);
        assertThat(link.find()).as(mail.bodyText).isTrue();

        String page = WebClient.anonymous().get("/invitations/" + link.group(1)).asString();
        assertThat(page).contains("als <strong>Autor</strong>").doesNotContain(">Author<");
    }

    @Test
    void theEditorsScriptsTakeTheirGermanWordsFromThePage() {
        String slug = TestPosts.publish(TestAccounts.owner(), TestPosts.unique("Skriptprobe "), "Text.", List.of());

        String editor = WebClient.owner().get("/posts/" + slug + "/edit").asString();

        assertThat(editor).contains("data-uploading=\"%s wird hochgeladen…\"")
                .contains("data-upload-failed=\"Das Hochladen ist fehlgeschlagen.\"")
                .contains("data-kept=\"Entwurfskopie gespeichert um\"")
                .contains("data-offline=\"Offline: Die Entwurfskopie wird gespeichert,");
    }

    @Test
    void whyACommentWasHeldIsGermanForModerators() {
        // past any digest window of held comments other tests opened: this one is told in a mail of its own
        clock.advance(Duration.ofHours(1));
        String title = TestPosts.unique("Moderationsprobe ");
        String slug = TestPosts.publish(TestAccounts.owner(), title, "Text.", List.of());
        long id = TestComments.guestComment(slug, "Neue Leserin", TestComments.guestEmail("neu"), "Mein erster Kommentar.");

        String page = WebClient.owner().get("/moderation/comments/" + id).asString();

        assertThat(page).contains("erster Kommentar dieser E-Mail-Adresse")
                .doesNotContain("first comment from this email");
        OutboxMail held = QuarkusTransaction.requiringNew().call(() -> OutboxMail.listTo(TestAccounts.OWNER_EMAIL)
                .stream().filter(m -> m.subject.contains(title)).findFirst().orElseThrow());
        assertThat(held.bodyText).contains("Zurückgehalten, weil:").contains("erster Kommentar dieser E-Mail-Adresse");
    }

    @Test
    void aWordPressImportReportsInGerman() {
        long marker = System.nanoTime();
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
                <channel>
                  <title>Deutsches Blog</title>
                  <wp:base_site_url>https://deutsch-%1$d.example</wp:base_site_url>
                  <item>
                    <title>Geheimer Beitrag %1$d</title>
                    <dc:creator>owner</dc:creator>
                    <content:encoded><![CDATA[Nur für mich.]]></content:encoded>
                    <wp:post_id>7</wp:post_id>
                    <wp:post_date_gmt>2020-06-01 10:00:00</wp:post_date_gmt>
                    <wp:post_name>geheim-%1$d</wp:post_name>
                    <wp:status>private</wp:status>
                    <wp:post_type>post</wp:post_type>
                    <wp:comment>
                      <wp:comment_id>3</wp:comment_id>
                      <wp:comment_author>Anderes Blog</wp:comment_author>
                      <wp:comment_content>Verlinkt.</wp:comment_content>
                      <wp:comment_approved>1</wp:comment_approved>
                      <wp:comment_type>pingback</wp:comment_type>
                    </wp:comment>
                  </item>
                  <item>
                    <title>Hafenfilm %1$d</title>
                    <dc:creator>owner</dc:creator>
                    <content:encoded><![CDATA[Seht selbst:

                https://www.youtube.com/watch?v=hafen%1$d]]></content:encoded>
                    <wp:post_id>8</wp:post_id>
                    <wp:post_date_gmt>2020-06-02 10:00:00</wp:post_date_gmt>
                    <wp:post_name>hafenfilm-%1$d</wp:post_name>
                    <wp:status>publish</wp:status>
                    <wp:post_type>post</wp:post_type>
                  </item>
                  <item>
                    <title>Neueste %1$d</title>
                    <dc:creator>owner</dc:creator>
                    <content:encoded><![CDATA[<!-- wp:latest-posts /-->]]></content:encoded>
                    <wp:post_id>9</wp:post_id>
                    <wp:post_date_gmt>2020-06-03 10:00:00</wp:post_date_gmt>
                    <wp:post_name>neueste-%1$d</wp:post_name>
                    <wp:status>publish</wp:status>
                    <wp:post_type>post</wp:post_type>
                  </item>
                </channel>
                </rss>
                """.formatted(marker);
        String report = importReport(xml, "Import abgeschlossen.");

        assertThat(report).contains("„Geheimer Beitrag " + marker + "“ (post 7, Zeile")
                .contains("auf WordPress privat; als Entwurf importiert")
                .contains("Kommentar 3 von Anderes Blog zu")
                .contains("pingback: Pingbacks und Trackbacks werden hier nicht aufbewahrt")
                .contains("Kommentare: pingback").doesNotContain("imported as a draft")
                // the block's name stays as WordPress writes it, the words around it are German
                .contains("Block latest-posts in 1 Beitrag").doesNotContain("block latest-posts");
        assertThat(WebClient.anonymous().get("/posts/hafenfilm-" + marker).asString())
                .contains("<span class=\"embed-card-title\">Video auf YouTube</span>");
    }

    @Test
    void aWordPressExportThatIsNotWellFormedIsNamedInGermanWithoutTheParsersWords() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/">
                <channel>
                  <item><title>Kaputt %d</titel></item>
                </channel>
                </rss>
                """.formatted(System.nanoTime());

        String report = importReport(xml, "role=\"alert\"");

        assertThat(report).contains("Die Datei ist in Zeile 4 kein wohlgeformter WordPress-Export: Das XML ist in Spalte ")
                .contains("Nichts aus dieser Datei wurde gespeichert.").doesNotContain("ParseError")
                .doesNotContain("element type").doesNotContain("must be terminated").doesNotContain("Exception");
    }

    /** Uploads {@code xml} as the owner does and waits for the report page that contains {@code finished}. */
    private static String importReport(String xml, String finished) {
        WebClient owner = WebClient.owner();
        Matcher token = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"")
                .matcher(owner.get("/admin/import").asString());
        assertThat(token.find()).isTrue();
        Response uploaded = owner.keep(owner.request()
                .multiPart("file", "blog.xml", xml.getBytes(StandardCharsets.UTF_8), "application/xml")
                .multiPart("csrf-token", token.group(1)).post("/admin/import"));
        assertThat(uploaded.statusCode()).isEqualTo(303);
        return await().atMost(Duration.ofMinutes(2)).until(() -> owner.get(uploaded.header("Location")).asString(),
                page -> page.contains(finished));
    }

    @Test
    void theAuditLogIsGermanAlsoForEntriesWrittenInEnglish() {
        TestAccounts.Created promoted = TestAccounts.create(Role.AUTHOR, "Beförderte Autorin");
        SiteLanguages.use("en");
        WebClient.owner().postForm("/admin/accounts/" + promoted.principal().id() + "/role", Map.of("role", "EDITOR"),
                "/admin/accounts");
        SiteLanguages.use("de");
        TestAccounts.Created second = TestAccounts.create(Role.READER, "Zweiter Leser");
        WebClient.owner().postForm("/admin/accounts/" + second.principal().id() + "/role", Map.of("role", "AUTHOR"),
                "/admin/accounts");

        String log = WebClient.owner().get("/admin/audit?kind=ROLE").asString();

        assertThat(log).contains("Konto @" + promoted.principal().handle()).contains("Rolle Autor → Redakteur")
                .contains("Konto @" + second.principal().handle()).contains("Rolle Leser → Autor")
                .doesNotContain("role author → editor");
        String settings = WebClient.owner().get("/admin/audit?kind=SETTINGS").asString();
        assertThat(settings).contains("Website-Einstellungen").contains("Sprache (en → de)");
    }
}
