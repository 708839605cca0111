package org.quillpress.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One thing someone did to the site. Written once, never changed. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    static final int MAX_SUBJECT = 300;
    static final int MAX_DETAIL = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public Instant at;

    /** Who did it; null for the site itself (a scheduled post going out) or an account deleted since. */
    @Column(name = "actor_id")
    public Long actorId;

    @Column(name = "actor_name")
    public String actorName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AuditKind kind;

    /** What it was done to, in words: "post “Hello” (/posts/hello)", "account @ada". */
    @Column(nullable = false)
    public String subject;

    /** What was done: "published", "role author → editor". */
    public String detail;
}
