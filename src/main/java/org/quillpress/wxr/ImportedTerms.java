package org.quillpress.wxr;

import static org.quillpress.wxr.WxrText.cleanTitle;
import static org.quillpress.wxr.WxrText.clip;
import static org.quillpress.wxr.WxrText.decode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.quillpress.post.Category;
import org.quillpress.post.Tag;
import org.quillpress.web.Slugs;
import org.quillpress.wxr.ImportReport.Kind;
import org.quillpress.wxr.WxrReader.ItemTerm;

/**
 * WordPress categories (with their parents) and tags, by their WordPress slug. They are stored in the batch's
 * transaction, not through {@code post.Terms}' transactions of their own, so a failed batch leaves none behind.
 */
@ApplicationScoped
class ImportedTerms {

    @Inject
    EntityManager em;

    void importTerm(ImportRun run, WxrReader.Term term) {
        boolean tag = "post_tag".equals(term.taxonomy());
        Kind kind = tag ? Kind.TAG : Kind.CATEGORY;
        String what = ImportRun.words().term(tag, term.name());
        if (!tag && !"category".equals(term.taxonomy())) {
            run.skipped(Kind.OTHER, ImportRun.words().otherTerm(term.name(), term.taxonomy()),
                    ImportRun.words().skipTaxonomy(term.taxonomy()));
            return;
        }
        String slug = termSlug(term.slug(), term.name());
        if (slug.isEmpty()) {
            run.skipped(kind, what, ImportRun.words().skipNoLetter());
            return;
        }
        String name = clip(cleanTitle(term.name()).isEmpty() ? slug : cleanTitle(term.name()), 120);
        if (tag) {
            if (Tag.findBySlug(slug).isPresent()) {
                run.skipped(kind, what, ImportRun.words().skipAlreadyHere());
                return;
            }
            Tag t = new Tag();
            t.slug = slug;
            t.name = name;
            t.persist();
            run.tagIds.put(slug, t.id);
        } else {
            if (Category.findBySlug(slug).isPresent()) {
                run.skipped(kind, what, ImportRun.words().skipAlreadyHere());
                return;
            }
            Category c = new Category();
            c.slug = slug;
            c.name = name;
            String description = term.description() == null ? "" : term.description().strip();
            c.description = description.isEmpty() ? null : clip(description, 1000);
            if (!term.parentSlug().isBlank()) {
                c.parent = Category.findBySlug(termSlug(term.parentSlug(), "")).orElse(null);
                if (c.parent == null) {
                    run.note(ImportRun.words().noteCategoryParentMissing(what, term.parentSlug()));
                }
            }
            c.persist();
            run.categoryIds.put(slug, c.id);
        }
        run.imported(kind);
    }

    /** A post's category, made here when the file named it only on the post; "Uncategorized" without a slug. */
    Category category(ImportRun run, ItemTerm term) {
        String slug = termSlug(term.slug(), term.name());
        if (slug.isEmpty()) {
            return defaultCategory(run);
        }
        Long id = run.categoryIds.computeIfAbsent(slug, s -> Category.findBySlug(s).orElseGet(() -> {
            Category c = new Category();
            c.slug = s;
            c.name = clip(cleanTitle(term.name()).isEmpty() ? s : cleanTitle(term.name()), 120);
            c.persist();
            run.imported(Kind.CATEGORY);
            return c;
        }).id);
        return em.getReference(Category.class, id);
    }

    /** "Uncategorized", the category of a post the file puts in none. */
    Category defaultCategory(ImportRun run) {
        Long id = run.categoryIds.computeIfAbsent(Category.DEFAULT_SLUG,
                s -> Category.findBySlug(s).orElseThrow().id);
        return em.getReference(Category.class, id);
    }

    /** A post's tag, made here when the file named it only on the post; null when it makes no slug. */
    Tag tag(ImportRun run, ItemTerm term) {
        String slug = termSlug(term.slug(), term.name());
        if (slug.isEmpty()) {
            return null;
        }
        Long id = run.tagIds.computeIfAbsent(slug, s -> Tag.findBySlug(s).orElseGet(() -> {
            Tag t = new Tag();
            t.slug = s;
            t.name = clip(cleanTitle(term.name()).isEmpty() ? s : cleanTitle(term.name()), Tag.MAX_NAME_LENGTH);
            t.persist();
            run.imported(Kind.TAG);
            return t;
        }).id);
        return em.getReference(Tag.class, id);
    }

    private static String termSlug(String slug, String name) {
        String decoded = decode(slug);
        return Slugs.isValid(decoded) ? decoded : Slugs.of(decoded.isBlank() ? name : decoded);
    }
}
