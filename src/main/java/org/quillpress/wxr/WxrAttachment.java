package org.quillpress.wxr;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An attachment item of a WordPress export, filed under the blog it came from: its id and parent there, its old
 * address and texts, and the media entry its file became here (null until the file came in). Galleries and
 * {@code wp-image-N} classes find their images through it.
 */
@Entity
@Table(name = "wxr_attachment")
public class WxrAttachment extends PanacheEntityBase {

    @Embeddable
    public static class Key implements Serializable {
        @Column(nullable = false)
        public String source;

        @Column(name = "wp_id", nullable = false)
        public long wpId;

        public Key() {
        }

        Key(String source, long wpId) {
            this.source = source;
            this.wpId = wpId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.source.equals(source) && k.wpId == wpId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(source, wpId);
        }
    }

    @EmbeddedId
    public Key key;

    @Column(name = "wp_parent", nullable = false)
    public long wpParent;

    @Column(nullable = false)
    public String url;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String alt;

    @Column(nullable = false)
    public String caption;

    @Column(name = "media_id")
    public Long mediaId;

    /** Records (or updates, on a second import) the attachment item {@code wpId} of {@code source}. */
    static void remember(String source, long wpId, long wpParent, String url, String title, String alt,
            String caption) {
        WxrAttachment attachment = WxrAttachment.<WxrAttachment> findByIdOptional(new Key(source, wpId))
                .orElseGet(() -> {
                    WxrAttachment created = new WxrAttachment();
                    created.key = new Key(source, wpId);
                    return created;
                });
        attachment.wpParent = wpParent;
        attachment.url = WxrText.clip(url, 2000);
        attachment.title = WxrText.clip(title, 500);
        attachment.alt = WxrText.clip(alt, 1000);
        attachment.caption = WxrText.clip(caption, 2000);
        attachment.persist();
    }

    static Optional<WxrAttachment> find(String source, long wpId) {
        return findByIdOptional(new Key(source, wpId));
    }

    /** The attachments of {@code source} that were attached to the post with WordPress id {@code wpParent}. */
    static List<WxrAttachment> ofParent(String source, long wpParent) {
        return list("key.source = ?1 and wpParent = ?2 order by key.wpId", source, wpParent);
    }

    /** The WordPress ids of the attachments of {@code source}, in order. */
    static List<Long> idsOf(String source) {
        return find("select a.key.wpId from WxrAttachment a where a.key.source = ?1 order by a.key.wpId", source)
                .project(Long.class).list();
    }
}
