package org.quillpress.comment;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.quillpress.account.Account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One entry of the audit trail: who (null for the pipeline) did what to which comment, when and why. */
@Entity
@Table(name = "moderation_action")
public class ModerationAction extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "comment_id")
    public Comment comment;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "actor_id")
    public Account actor;

    @Column(nullable = false)
    public String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public CommentStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public CommentStatus toStatus;

    public String reason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Adds an entry to the trail, made at {@code at}. */
    public static ModerationAction record(Comment comment, Account actor, String action, CommentStatus from,
            CommentStatus to, String reason, Instant at) {
        ModerationAction entry = new ModerationAction();
        entry.comment = comment;
        entry.actor = actor;
        entry.action = action;
        entry.fromStatus = from;
        entry.toStatus = to;
        entry.reason = reason;
        entry.createdAt = at;
        entry.persist();
        return entry;
    }

    public static List<ModerationAction> listFor(Comment comment) {
        return list("from ModerationAction a left join fetch a.actor where a.comment = ?1 order by a.createdAt, a.id",
                comment);
    }
}
