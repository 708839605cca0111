package org.quillpress.bus;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Hears the other instances' changes. One thread holds one connection of its own (not one of the pool's, which
 * requests use and give back) with {@code LISTEN} on {@link ChangeBus#CHANNEL}, and fires each message that
 * another instance sent as a {@link RemoteChange}. When the connection fails it connects again, and then fires a
 * change of every whole area: messages sent meanwhile are lost, so everything held is reloaded.
 */
@ApplicationScoped
public class ChangeListener {

    /** How long one wait for notifications lasts; also how soon a stop is noticed. */
    static final int WAIT_MILLIS = 500;

    /** A connection that died without a word (a cable pulled) is noticed by a query this often. */
    static final long PING_MILLIS = 15_000;

    static final long MAX_BACKOFF_MILLIS = 10_000;

    @Inject
    ChangeBus bus;

    @Inject
    Event<RemoteChange> heard;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    Optional<String> url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> user;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private volatile boolean stopped;

    private volatile boolean listening;

    private Thread thread;

    void start(@Observes StartupEvent event) {
        if (bus.shared()) {
            thread = new Thread(this::listen, "quillpress-change-bus-listener");
            thread.setDaemon(true);
            thread.start();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** True while the connection listens: from then on no other instance's change is missed. */
    public boolean listening() {
        return listening;
    }

    private void listen() {
        long backoff = 250;
        boolean failing = false;
        while (!stopped) {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + ChangeBus.CHANNEL);
                listening = true;
                if (failing) {
                    Log.info("The change bus listens again; reloading what other instances may have changed meanwhile");
                    failing = false;
                }
                backoff = 250;
                // changes made before LISTEN took hold (at start, or while disconnected) were not heard
                for (Area area : Area.values()) {
                    deliver(new RemoteChange(area, null));
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                long pinged = System.nanoTime();
                while (!stopped) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            receive(notification.getParameter());
                        }
                    }
                    if (System.nanoTime() - pinged > PING_MILLIS * 1_000_000L) {
                        statement.execute("select 1");
                        pinged = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (stopped) {
                    return;
                }
                if (!failing) {
                    Log.warnf("The change bus lost its database connection (%s); retrying, and until then other "
                            + "instances' changes arrive by the timed reloads", e.getMessage());
                    failing = true;
                }
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
        listening = false;
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        user.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("ApplicationName", "quillpress change bus");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("connectTimeout", "10");
        Connection connection = new org.postgresql.Driver().connect(url.orElseThrow(), properties);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL address: " + url.orElse(""));
        }
        connection.setAutoCommit(true);
        return connection;
    }

    /** Fires the change in {@code payload} unless this instance sent it. */
    void receive(String payload) {
        String[] parts = payload == null ? new String[0] : payload.split(" ", 3);
        if (parts.length < 2 || parts[0].equals(bus.instance())) {
            return;
        }
        Area area;
        try {
            area = Area.valueOf(parts[1]);
        } catch (IllegalArgumentException e) {
            // from a newer version during a rolling update: its timed reload covers it
            Log.debugf("Change bus message for an unknown area ignored: %s", payload);
            return;
        }
        deliver(new RemoteChange(area, parts.length == 3 ? parts[2] : null));
    }

    private void deliver(RemoteChange change) {
        try {
            heard.fire(change);
        } catch (RuntimeException e) {
            // one observer's failure (the database away for a moment) must not stop the bus
            Log.warnf(e, "Applying a change from another instance failed: %s", change);
        }
    }
}
