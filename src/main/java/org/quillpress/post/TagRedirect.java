package org.quillpress.post;

import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A slug a tag had before a rename or a merge: its archive answers with a 301 to the tag. */
@Entity
@Table(name = "tag_redirect")
public class TagRedirect extends PanacheEntityBase {

    @Id
    @Column(name = "old_slug")
    public String oldSlug;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tag_id")
    public Tag tag;

    /** The current slug of the tag that once had {@code oldSlug}. */
    public static Optional<String> currentSlugFor(String oldSlug) {
        return find("select r.tag.slug from TagRedirect r where r.oldSlug = ?1", oldSlug)
                .project(String.class).firstResultOptional();
    }

    /** Remembers that {@code oldSlug} now leads to {@code tag}. */
    static void remember(String oldSlug, Tag tag) {
        TagRedirect redirect = TagRedirect.<TagRedirect> findByIdOptional(oldSlug)
                .orElseGet(TagRedirect::new);
        redirect.oldSlug = oldSlug;
        redirect.tag = tag;
        redirect.persist();
    }

    /** Old slugs of {@code from} lead to {@code to}, which takes its place. */
    static void handOver(Tag from, Tag to) {
        update("tag = ?1 where tag = ?2", to, from);
    }

    /** A slug taken again stops redirecting to the term that had it before. */
    static void release(String slug) {
        deleteById(slug);
    }
}
