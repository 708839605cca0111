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

/** A slug a category had before a rename or a merge: its archive answers with a 301 to the category. */
@Entity
@Table(name = "category_redirect")
public class CategoryRedirect extends PanacheEntityBase {

    @Id
    @Column(name = "old_slug")
    public String oldSlug;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "category_id")
    public Category category;

    /** The current slug of the category that once had {@code oldSlug}. */
    public static Optional<String> currentSlugFor(String oldSlug) {
        return find("select r.category.slug from CategoryRedirect r where r.oldSlug = ?1", oldSlug)
                .project(String.class).firstResultOptional();
    }

    /** Remembers that {@code oldSlug} now leads to {@code category}. */
    static void remember(String oldSlug, Category category) {
        CategoryRedirect redirect = CategoryRedirect.<CategoryRedirect> findByIdOptional(oldSlug)
                .orElseGet(CategoryRedirect::new);
        redirect.oldSlug = oldSlug;
        redirect.category = category;
        redirect.persist();
    }

    /** Old slugs of {@code from} lead to {@code to}, which takes its place. */
    static void handOver(Category from, Category to) {
        update("category = ?1 where category = ?2", to, from);
    }

    /** A slug taken again stops redirecting to the term that had it before. */
    static void release(String slug) {
        deleteById(slug);
    }
}
