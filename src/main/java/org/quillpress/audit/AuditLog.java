package org.quillpress.audit;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.quillpress.account.AccountPrincipal;
import org.quillpress.security.CurrentUser;

import io.quarkus.arc.Arc;

/**
 * Writes the audit log, inside the transaction of what it records: an entry exists exactly when its change was
 * committed. The actor is whoever makes the current request; without one (a timed job) the site itself.
 */
@ApplicationScoped
public class AuditLog {

    @Inject
    Clock clock;

    @Inject
    CurrentUser currentUser;

    /** Records what the current request's account did. */
    @Transactional(TxType.MANDATORY)
    public void record(AuditKind kind, String subject, String detail) {
        AuditEntry entry = new AuditEntry();
        entry.at = clock.instant();
        actor().ifPresent(a -> {
            entry.actorId = a.id();
            entry.actorName = cut(a.displayName(), 120);
        });
        entry.kind = kind;
        entry.subject = cut(subject, AuditEntry.MAX_SUBJECT);
        entry.detail = detail == null ? null : cut(detail, AuditEntry.MAX_DETAIL);
        entry.persist();
    }

    private Optional<AccountPrincipal> actor() {
        // timed jobs (scheduled publishing, imports running on) have no request and so no person behind them
        if (!Arc.container().requestContext().isActive()) {
            return Optional.empty();
        }
        return currentUser.account();
    }

    private static String cut(String text, int max) {
        String s = text == null ? "" : text.strip();
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
