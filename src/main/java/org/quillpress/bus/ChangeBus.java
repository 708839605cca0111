package org.quillpress.bus;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Announces changes to the other instances. A change announced inside a transaction goes out only once it has
 * committed (a rolled-back change is never announced, and no instance re-reads before the commit); the message is
 * sent by one background thread through {@code pg_notify}, so a request never waits for it. Messages queued and
 * not yet sent are merged when equal.
 */
@ApplicationScoped
public class ChangeBus {

    /** The PostgreSQL notification channel every instance listens on. */
    public static final String CHANNEL = "quillpress_changes";

    /** Longer keys are not sent: the whole area is announced instead (NOTIFY takes at most 8000 bytes). */
    static final int MAX_KEY_LENGTH = 200;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    Optional<String> jdbcUrl;

    /** This process among the instances, so that it can skip its own messages. */
    private final String instance = randomId();

    /** Messages waiting for the sender, oldest first; guarded by itself. */
    private final LinkedHashSet<String> pending = new LinkedHashSet<>();

    private Thread sender;

    private volatile boolean stopped;

    /** True when several instances may share the database (PostgreSQL), so changes must be announced. */
    public boolean shared() {
        return jdbcUrl.map(url -> url.startsWith("jdbc:postgresql:")).orElse(false);
    }

    /** This instance's id in the messages it sends. */
    public String instance() {
        return instance;
    }

    /** Announces that all of {@code area} changed. */
    public void publish(Area area) {
        publish(area, null);
    }

    /**
     * Announces a change to the other instances: after the current transaction commits, or now when there is none.
     * On H2 there are no other instances, and nothing happens.
     */
    public void publish(Area area, String key) {
        if (!shared() || stopped) {
            return;
        }
        String payload = payload(instance, area, key != null && key.length() > MAX_KEY_LENGTH ? null : key);
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        enqueue(payload);
                    }
                }
            });
        } else {
            enqueue(payload);
        }
    }

    static String payload(String instance, Area area, String key) {
        return key == null ? instance + " " + area.name() : instance + " " + area.name() + " " + key;
    }

    private void enqueue(String payload) {
        synchronized (pending) {
            // a repeated message moves to the end, so that it still comes after what was announced before it
            pending.remove(payload);
            pending.add(payload);
            if (sender == null) {
                sender = new Thread(this::sendLoop, "quillpress-change-bus-sender");
                sender.setDaemon(true);
                sender.start();
            }
            pending.notifyAll();
        }
    }

    private void sendLoop() {
        while (!stopped) {
            List<String> batch;
            synchronized (pending) {
                while (pending.isEmpty() && !stopped) {
                    try {
                        pending.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                batch = new ArrayList<>(pending);
                pending.clear();
            }
            send(batch);
        }
    }

    private void send(List<String> batch) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
            for (String payload : batch) {
                notify.setString(1, CHANNEL);
                notify.setString(2, payload);
                notify.execute();
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException | RuntimeException e) {
            // the other instances catch up by their timed reloads
            Log.warnf("Could not announce %d change(s) to the other instances: %s", batch.size(), e.getMessage());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        synchronized (pending) {
            pending.notifyAll();
        }
    }

    private static String randomId() {
        byte[] bytes = new byte[9];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
