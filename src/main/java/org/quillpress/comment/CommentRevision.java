package org.quillpress.comment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.quillpress.account.Account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A body a comment had before an edit: edits are kept, not lost. */
@Entity
@Table(name = "comment_revision")
public class CommentRevision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "comment_id")
    public Comment comment;

    @Column(name = "body_markdown", nullable = false)
    public String bodyMarkdown;

    @Column(name = "replaced_at", nullable = false)
    public Instant replacedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "editor_id")
    public Account editor;
}
