package org.quillpress.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.quillpress.bus.Area;
import org.quillpress.bus.ChangeBus;
import org.quillpress.bus.RemoteChange;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * The sessions ended by signing out, so that a copy of the cookie is dead too. Kept in the database for every
 * instance, and in memory here: checking a request costs a map look-up, never a query. This instance's sign-outs
 * count at once; other instances' arrive on the {@link ChangeBus} within about a second, and with the next refresh
 * (every few seconds) should a message be lost.
 */
@ApplicationScoped
public class RevokedSessions {

    /** How far back a refresh looks beyond the newest revocation it has seen: commits land out of order. */
    private static final Duration OVERLAP = Duration.ofMinutes(1);

    @Inject
    Clock clock;

    @Inject
    ChangeBus bus;

    /** Session id to the time its cookie expires. */
    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();

    private volatile Instant newestSeen = Instant.EPOCH;

    void onStart(@Observes StartupEvent event) {
        refresh();
    }

    /** True when the session with this id was signed out of. */
    public boolean isRevoked(String sessionId) {
        return sessionId != null && revoked.containsKey(sessionId);
    }

    /** Ends the session for good, on every instance; its record goes once the cookie would have expired. */
    void revoke(String sessionId, Instant expiresAt) {
        Instant now = clock.instant();
        revoked.put(sessionId, expiresAt);
        QuarkusTransaction.requiringNew().run(() -> {
            if (RevokedSession.findById(sessionId) == null) {
                RevokedSession row = new RevokedSession();
                row.sessionId = sessionId;
                row.revokedAt = now;
                row.expiresAt = expiresAt;
                row.persist();
            }
        });
        bus.publish(Area.SESSION, sessionId + " " + expiresAt.getEpochSecond());
    }

    /** Another instance ended a session: its id and expiry come in the message, so no query is needed. */
    void onRemoteChange(@Observes RemoteChange change) {
        if (change.area() != Area.SESSION) {
            return;
        }
        String[] parts = change.key() == null ? new String[0] : change.key().split(" ");
        try {
            if (parts.length == 2) {
                revoked.put(parts[0], Instant.ofEpochSecond(Long.parseLong(parts[1])));
                return;
            }
        } catch (NumberFormatException e) {
            // not ours to guess: read the table
        }
        refresh();
    }

    @Scheduled(every = "5s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        Instant since = newestSeen.minus(OVERLAP);
        List<RevokedSession> rows = QuarkusTransaction.requiringNew()
                .call(() -> RevokedSession.<RevokedSession> list("revokedAt >= ?1", since));
        for (RevokedSession row : rows) {
            revoked.put(row.sessionId, row.expiresAt);
            if (row.revokedAt.isAfter(newestSeen)) {
                newestSeen = row.revokedAt;
            }
        }
    }

    /** Expired sessions need no record: their cookies are refused for being expired. */
    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetExpired() {
        Instant now = clock.instant();
        revoked.values().removeIf(expires -> expires.isBefore(now));
        QuarkusTransaction.requiringNew().run(() -> RevokedSession.delete("expiresAt < ?1", now));
    }
}
