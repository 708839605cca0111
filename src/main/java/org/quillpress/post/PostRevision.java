package org.quillpress.post;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

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

/**
 * The text of a post as one save left it (who, when, title, body, excerpt, status), or the editor's autosaved
 * copy that was never saved. Saved revisions are never changed; an autosave is overwritten while its editor types.
 */
@Entity
@Table(name = "post_revision")
public class PostRevision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "post_id")
    public Post post;

    /** Null once the account that saved it is deleted. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "editor_id")
    public Account editor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RevisionKind kind;

    @Column(nullable = false)
    public String title;

    @Column(name = "body_markdown", nullable = false)
    public String bodyMarkdown;

    @Column(nullable = false)
    public String excerpt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PostStatus status;

    /** The revision a restore brought back. */
    @Column(name = "restored_from")
    public Long restoredFrom;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The saved revisions of a post, newest first, with their editors. */
    public static List<PostRevision> listSaved(Post post) {
        return list("from PostRevision r left join fetch r.editor where r.post = ?1 and r.kind <> ?2 order by r.id desc",
                post, RevisionKind.AUTOSAVE);
    }

    /** A saved revision of this post by its id. */
    public static Optional<PostRevision> findSaved(Post post, long id) {
        return find("from PostRevision r left join fetch r.editor where r.post = ?1 and r.id = ?2 and r.kind <> ?3",
                post, id, RevisionKind.AUTOSAVE).firstResultOptional();
    }

    /** The copy {@code editorId} autosaved of this post, if any. */
    public static Optional<PostRevision> findAutosave(Post post, long editorId) {
        return find("post = ?1 and editor.id = ?2 and kind = ?3", post, editorId, RevisionKind.AUTOSAVE)
                .firstResultOptional();
    }
}
