package org.quillpress.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.quillpress.account.Role;
import org.quillpress.support.QuietJobs;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestPosts;
import org.quillpress.support.WebClient;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The site-wide audit log: who did what, filtered by kind and by person, paged; for admins only. */
@QuarkusTest
class AuditLogTest {

    @Inject
    EntityManagerFactory emf;

    @Test
    void publishingARoleChangeABanAndAnInvitationAreRecordedWithWhoDidThem() {
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Audited Author");
        TestAccounts.Created reader = TestAccounts.create(Role.READER, "Audited Reader");
        String title = TestPosts.unique("Audited post ");
        Response created = author.signIn().json()
                .body(Map.of("title", title, "body", "text", "status", "PUBLISHED")).post("/api/v1/posts");
        assertThat(created.statusCode()).isEqualTo(201);
        WebClient owner = WebClient.owner();
        owner.postForm("/admin/accounts/" + author.principal().id() + "/role", Map.of("role", "EDITOR"),
                "/admin/accounts");
        owner.postForm("/admin/accounts/" + reader.principal().id() + "/ban", Map.of("reason", "spam", "days", "3"),
                "/admin/accounts");
        owner.postForm("/admin/accounts/" + reader.principal().id() + "/unban", Map.of(), "/admin/accounts");
        String invitee = "audited-" + System.nanoTime() + "@invited.test";
        owner.postForm("/admin/invitations", Map.of("email", invitee, "role", "AUTHOR"), "/admin/accounts");

        String log = owner.get("/admin/audit").asString();

        assertThat(log).contains("“" + title + "”").contains("saved, now published").contains("Audited Author");
        assertThat(log).contains("account @" + author.principal().handle()).contains("role author → editor");
        assertThat(log).contains("account @" + reader.principal().handle()).contains("banned until")
                .contains(": spam").contains("ban lifted");
        assertThat(log).contains(invitee).contains("invited as author");
        assertThat(log).contains("href=\"/moderation\"");
    }

    @Test
    void theLogFiltersByKindAndByWhoDidIt() {
        TestAccounts.Created author = TestAccounts.create(Role.AUTHOR, "Filtered Author");
        String title = TestPosts.unique("Filtered post ");
        author.signIn().json().body(Map.of("title", title, "body", "text", "status", "PUBLISHED"))
                .post("/api/v1/posts");
        TestAccounts.Created promoted = TestAccounts.create(Role.READER, "Filtered Reader");
        WebClient owner = WebClient.owner();
        owner.postForm("/admin/accounts/" + promoted.principal().id() + "/role", Map.of("role", "AUTHOR"),
                "/admin/accounts");

        String roles = owner.get("/admin/audit?kind=ROLE").asString();
        assertThat(roles).contains("@" + promoted.principal().handle()).doesNotContain(title);

        String byAuthor = owner.get("/admin/audit?actor=" + author.principal().id()).asString();
        assertThat(byAuthor).contains(title).doesNotContain("@" + promoted.principal().handle());
        assertThat(byAuthor).contains("<option value=\"" + author.principal().id() + "\" selected>");
    }

    @Test
    void theLogIsPagedAndItsStatementsDoNotGrowWithIt() {
        WebClient owner = WebClient.owner();
        long few = statementsFor(owner, "/admin/audit");
        QuarkusTransaction.requiringNew().run(() -> {
            AuditLog log = Arc.container().instance(AuditLog.class).get();
            for (int i = 0; i < AuditResource.PAGE_SIZE + 5; i++) {
                log.record(AuditKind.SETTINGS, "paging check " + i, "test entry");
            }
        });

        String first = owner.get("/admin/audit?kind=SETTINGS").asString();
        assertThat(first).contains("paging check " + (AuditResource.PAGE_SIZE + 4)).contains("Older entries")
                .contains("the site");
        String second = owner.get("/admin/audit?kind=SETTINGS&page=2").asString();
        assertThat(second).contains("Newer entries").contains("paging check 0");
        assertThat(statementsFor(owner, "/admin/audit")).isEqualTo(few);
    }

    @Test
    void anExportIsRecorded() {
        WebClient owner = WebClient.owner();
        assertThat(owner.get("/admin/export.json").statusCode()).isEqualTo(200);

        assertThat(owner.get("/admin/audit?kind=IMPORT_EXPORT").asString()).contains("export as json")
                .contains("downloaded");
    }

    @Test
    void onlyAdminsReadTheLog() {
        WebClient editor = TestAccounts.create(Role.EDITOR, "Curious Editor").signIn();
        WebClient moderator = TestAccounts.create(Role.MODERATOR, "Curious Moderator").signIn();

        assertThat(editor.get("/admin/audit").statusCode()).isEqualTo(403);
        assertThat(moderator.get("/admin/audit").statusCode()).isEqualTo(403);
        assertThat(WebClient.anonymous().get("/admin/audit").statusCode()).isIn(302, 303, 401);
    }

    private long statementsFor(WebClient client, String path) {
        QuietJobs.awaitOutboxDrained();
        var statistics = emf.unwrap(SessionFactory.class).getStatistics();
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            statistics.clear();
            assertThat(client.get(path).statusCode()).isEqualTo(200);
            fewest = Math.min(fewest, statistics.getPrepareStatementCount());
        }
        return fewest;
    }
}
