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

/** A section posts belong to, nested as in WordPress; staff manage the tree, "Uncategorized" always exists. */
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

    /**
     * Gives this category's posts to {@code target} and deletes it. A post already in both keeps one of
     * them, at this one's place in its list (so a main category stays main); the subcategories move up to
     * this one's parent, so none is lost and no loop can appear.
     */
    public void deleteMovingPostsTo(Category target) {
        List<Post> inBoth = Post.list("select distinct p from Post p join fetch p.categories where "
                + "p.id in (select a.id from Post a join a.categories x where x = ?1) and "
                + "p.id in (select b.id from Post b join b.categories y where y = ?2)", this, target);
        for (Post post : inBoth) {
            post.placeIn(post.categories.stream().map(c -> c == this ? target : c).distinct().toList());
        }
        Post.flush();
        // every other post of this category swaps it for the target in place, without loading the posts
        getEntityManager().createNativeQuery("update post_category set category_id = :target where category_id = :source")
                .setParameter("target", target.id).setParameter("source", id).executeUpdate();
        Post.update("category = ?1 where category = ?2", target, this);
        update("parent = ?1 where parent = ?2", parent, this);
        delete();
    }
}
