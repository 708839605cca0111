package org.quillpress.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.quillpress.account.Role;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestComments;
import org.quillpress.support.TestPosts;
import org.quillpress.support.WebClient;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A backup of the embedded database taken from the admin page while posts and comments are being written
 * restores into a fresh database with everything in it: accounts with their password hashes, settings, posts,
 * comments, the outbox, and Flyway's history (so the site starts on it as it is).
 */
@QuarkusTest
class BackupTest {

    private static final List<String> TABLES = List.of("account", "login_identity", "site_setting", "post", "comment",
            "subscription", "ban", "outbox_mail", "\"flyway_schema_history\"");

    @Inject
    Backups backups;

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    private Map<String, Long> liveCounts() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : TABLES) {
                counts.put(table, ((Number) em.createNativeQuery("select count(*) from " + table).getSingleResult())
                        .longValue());
            }
            return counts;
        });
    }

    private static Map<String, Long> counts(Statement statement) throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            try (ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
                rows.next();
                counts.put(table, rows.getLong(1));
            }
        }
        return counts;
    }

    /** The first account with a password: its sign-in name and password hash. */
    private static String firstPassword(Statement statement) throws Exception {
        try (ResultSet rows = statement.executeQuery("select subject, password_hash from login_identity"
                + " where password_hash is not null order by id fetch first 1 rows only")) {
            return rows.next() ? rows.getString(1) + " " + rows.getString(2) : null;
        }
    }

    @Test
    void backupTakenWhileWritesGoOnRestoresIntoAFreshDatabase() throws Exception {
        assumeTrue(backups.supported(), "the PostgreSQL build is backed up with pg_dump (src/test/instances/backup.sh)");
        String slug = TestPosts.publish(TestAccounts.owner(), TestPosts.unique("Backed up "), "Body.", List.of());
        Map<String, Long> before = liveCounts();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger written = new AtomicInteger();
        Thread writer = new Thread(() -> {
            for (int i = 0; !stop.get(); i++) {
                TestPosts.publish(TestAccounts.owner(), TestPosts.unique("Written during the backup "), "Body.",
                        List.of());
                TestComments.guestComment(slug, "Guest " + i, TestComments.guestEmail("backup-" + i), "Comment " + i);
                written.incrementAndGet();
            }
        });
        writer.start();
        try {
            await().atMost(Duration.ofMinutes(1)).until(() -> written.get() > 0);
            WebClient owner = WebClient.owner();
            Response taken = owner.postForm("/admin/backup", Map.of(), "/admin/backup");
            assertThat(taken.statusCode()).isEqualTo(303);
            String name = taken.header("Location").replaceFirst(".*taken=", "");
            assertThat(owner.get("/admin/backup?taken=" + name).asString()).contains("Backup " + name + " written.");
            Path script = backups.dir().resolve(name).resolve(Backups.DATABASE_FILE);
            assertThat(script).exists();
        } finally {
            stop.set(true);
            writer.join();
        }
        Map<String, Long> after = liveCounts();
        Path script = backups.dir().resolve(backups.list().get(0)).resolve(Backups.DATABASE_FILE);

        // the script re-creates tables, rows and then constraints: a torn snapshot would fail them here
        try (Connection restored = DriverManager.getConnection("jdbc:h2:mem:restored-" + UUID.randomUUID(), "sa", "");
                Statement statement = restored.createStatement()) {
            statement.execute("RUNSCRIPT FROM '" + script.toAbsolutePath() + "' COMPRESSION ZIP");
            Map<String, Long> restoredCounts = counts(statement);
            for (String table : TABLES) {
                assertThat(restoredCounts.get(table)).as(table).isBetween(before.get(table), after.get(table));
            }
            assertThat(restoredCounts.get("post")).as("posts written while it ran").isGreaterThan(before.get("post"));
            try (Connection live = dataSource.getConnection(); Statement liveStatement = live.createStatement()) {
                assertThat(firstPassword(statement)).isNotBlank().isEqualTo(firstPassword(liveStatement));
            }
        }
        assertThat(Files.list(backups.dir().resolve(backups.list().get(0))).map(p -> p.getFileName().toString()))
                .contains(Backups.DATABASE_FILE);
    }

    @Test
    void onlyAdminsBackUp() {
        WebClient moderator = TestAccounts.create(Role.MODERATOR, "Backup Moderator").signIn();

        assertThat(moderator.get("/admin/backup").statusCode()).isEqualTo(403);
        assertThat(moderator.postForm("/admin/backup", Map.of(), "/moderation").statusCode()).isEqualTo(403);
        assertThat(WebClient.anonymous().postFormWithoutToken("/admin/backup", Map.of()).statusCode()).isIn(303, 400,
                401, 403);
    }
}
