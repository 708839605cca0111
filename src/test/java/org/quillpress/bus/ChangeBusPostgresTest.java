package org.quillpress.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.quillpress.site.SiteSettings;
import org.quillpress.support.WebClient;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The bus over PostgreSQL, with a plain JDBC connection standing in for another instance: it hears what this one
 * announces, and what it announces (after changing the database) takes effect here. Runs on the PostgreSQL suite
 * only ({@code -Dquarkus.test.profile=test,pg}); on H2 there is no other instance.
 */
@QuarkusTest
class ChangeBusPostgresTest {

    @Inject
    ChangeBus bus;

    @Inject
    ChangeListener listener;

    @Inject
    SiteSettings settings;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> user;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @BeforeEach
    void onPostgresOnly() {
        assumeTrue(bus.shared(), "the bus sends nothing on H2");
        await("the bus listening").atMost(Duration.ofSeconds(30)).until(listener::listening);
    }

    @Test
    void anotherListenerHearsChangesOnlyOnceCommitted() throws Exception {
        try (Connection other = connect(); Statement statement = other.createStatement()) {
            statement.execute("LISTEN " + ChangeBus.CHANNEL);
            assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                bus.publish(Area.MEDIA, "40");
                throw new IllegalStateException("rolled back");
            })).hasMessageContaining("rolled back");
            QuarkusTransaction.requiringNew().run(() -> bus.publish(Area.MEDIA, "41"));
            bus.publish(Area.NAVIGATION);

            List<String> heard = new ArrayList<>();
            PGConnection pg = other.unwrap(PGConnection.class);
            long until = System.nanoTime() + 5_000_000_000L;
            while (heard.size() < 2 && System.nanoTime() - until < 0) {
                PGNotification[] notifications = pg.getNotifications(250);
                if (notifications != null) {
                    for (PGNotification notification : notifications) {
                        heard.add(notification.getParameter());
                    }
                }
            }
            assertThat(heard).containsExactly(bus.instance() + " MEDIA 41", bus.instance() + " NAVIGATION");
        }
    }

    @Test
    void settingsAnotherInstanceSavedShowHereWithinASecondOrTwo() throws Exception {
        SiteSettings.Site before = settings.current();
        try (Connection other = connect()) {
            assertThat(WebClient.anonymous().get("/").asString()).contains(before.title());
            try (PreparedStatement save = other
                    .prepareStatement("update site_setting set setting_value = ? where name = 'site.title'")) {
                save.setString(1, "Saved On Another Instance");
                if (save.executeUpdate() == 0) {
                    try (Statement insert = other.createStatement()) {
                        insert.execute("insert into site_setting (name, setting_value) "
                                + "values ('site.title', 'Saved On Another Instance')");
                    }
                }
            }
            notify(other, "another-instance SITE_SETTINGS");

            await("the title on the guest page").atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                    .until(() -> WebClient.anonymous().get("/").asString().contains("Saved On Another Instance"));
        } finally {
            settings.save(before);
        }
    }

    private static void notify(Connection connection, String payload) throws SQLException {
        try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
            notify.setString(1, ChangeBus.CHANNEL);
            notify.setString(2, payload);
            notify.execute();
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user.orElse(null), password.orElse(null));
    }
}
