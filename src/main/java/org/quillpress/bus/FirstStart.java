package org.quillpress.bus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Makes first-start work (the owner account, a generated secret) safe when several instances start at the same
 * moment on an empty database: on PostgreSQL each takes a transaction-level advisory lock first, so they do that
 * work one after another and the later ones find it done. (Flyway takes its own advisory lock for migrations.)
 */
@ApplicationScoped
public class FirstStart {

    /** An arbitrary number that names this lock among the database's advisory locks. */
    static final long LOCK = 0x5175696c6c70L;

    @Inject
    ChangeBus bus;

    @Inject
    EntityManager entityManager;

    /** Waits for the other instances' first-start work; held until the current transaction ends. */
    public void lockUntilCommit() {
        if (bus.shared()) {
            entityManager.createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1)) locked")
                    .setParameter(1, LOCK).getSingleResult();
        }
    }
}
