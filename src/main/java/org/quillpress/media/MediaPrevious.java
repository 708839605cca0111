package org.quillpress.media;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The hash of a file an image had before it was replaced. Post bodies keep the addresses they were written
 * with; such an address now stands for the image that replaced the file, so the post shows the new picture
 * without its text (or its revisions) being rewritten.
 */
@Entity
@Table(name = "media_previous")
public class MediaPrevious extends PanacheEntityBase {

    @Id
    public String hash;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "media_id")
    public Media media;

    @Column(name = "replaced_at", nullable = false)
    public Instant replacedAt;

    /** The image a current or former hash names: a current hash wins. */
    static Optional<Media> imageOf(String hash) {
        Optional<Media> current = Media.findByHash(hash);
        if (current.isPresent()) {
            return current;
        }
        return getEntityManager().createQuery("select p.media from MediaPrevious p where p.hash = ?1", Media.class)
                .setParameter(1, hash).getResultStream().findFirst();
    }

    /** The former hashes of this image. */
    static List<String> hashesOf(Media media) {
        return getEntityManager().createQuery("select p.hash from MediaPrevious p where p.media = ?1", String.class)
                .setParameter(1, media).getResultList();
    }
}
