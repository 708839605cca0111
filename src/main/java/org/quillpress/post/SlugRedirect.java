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

/** A slug a post had before: it keeps answering with a permanent redirect to the post. */
@Entity
@Table(name = "slug_redirect")
public class SlugRedirect extends PanacheEntityBase {

    @Id
    @Column(name = "old_slug")
    public String oldSlug;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "post_id")
    public Post post;

    /** The current slug of the post that once had {@code oldSlug}. */
    public static Optional<String> currentSlugFor(String oldSlug) {
        return find("select r.post.slug from SlugRedirect r where r.oldSlug = ?1", oldSlug).project(String.class)
                .firstResultOptional();
    }

    /** A slug taken by a post stops redirecting to the older post that had it. */
    public static void release(String slug) {
        delete("oldSlug", slug);
    }
}
