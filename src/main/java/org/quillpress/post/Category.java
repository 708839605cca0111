package org.quillpress.post;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The one section a post belongs to; admins manage the list, "Uncategorized" always exists. */
@Entity
public class Category extends PanacheEntityBase {

    public static final String DEFAULT_SLUG = "uncategorized";
    public static final String DEFAULT_NAME = "Uncategorized";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(nullable = false)
    public String name;

    public String description;

    /** The category this one sits under, as WordPress nests them; null at the top level. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public Category parent;

    public static Optional<Category> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** The category called {@code name}, compared without regard to case. */
    public static Optional<Category> findByName(String name) {
        return find("lower(name) = lower(?1)", name.strip()).firstResultOptional();
    }

    public static List<Category> listByName() {
        return list("order by name");
    }

    /** Deletes this category; its posts move to {@code fallback} first, so none is left without one. */
    public void deleteMovingPostsTo(Category fallback) {
        Post.update("category = ?1 where category = ?2", fallback, this);
        delete();
    }
}
