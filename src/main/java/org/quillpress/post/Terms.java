package org.quillpress.post;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Creates tags and categories safely when two posts name the same new one at the same moment: each is
 * inserted in its own short transaction, a unique-key clash means the other writer won, and the caller
 * then reads the row that exists either way. (A term may outlive a post that failed to save, as in
 * WordPress; it is harmless and reusable.)
 */
@ApplicationScoped
public class Terms {

    public Tag tag(String slug, String name) {
        return Tag.findBySlug(slug).orElseGet(() -> {
            insert(() -> {
                Tag tag = new Tag();
                tag.slug = slug;
                tag.name = name;
                return tag;
            });
            return Tag.findBySlug(slug).orElseThrow();
        });
    }

    public Category category(String slug, String name) {
        return Category.findBySlug(slug).orElseGet(() -> {
            insert(() -> {
                Category category = new Category();
                category.slug = slug;
                category.name = name;
                return category;
            });
            return Category.findBySlug(slug).orElseThrow();
        });
    }

    /** Inserts in a transaction of its own; a failure is settled by the caller's read that follows. */
    private static void insert(Supplier<PanacheEntityBase> entity) {
        try {
            QuarkusTransaction.requiringNew().run(() -> entity.get().persistAndFlush());
        } catch (RuntimeException e) {
            // most likely another request inserted it first; if not, the read that follows fails loudly
            Log.debugf("Term insert lost a race or failed: %s", e.getMessage());
        }
    }
}
