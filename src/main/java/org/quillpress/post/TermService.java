package org.quillpress.post;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import org.quillpress.web.CheckMessages;
import org.quillpress.web.ContentChanged;
import org.quillpress.web.InvalidInputException;
import org.quillpress.web.Paths;
import org.quillpress.web.SiteLanguage;
import org.quillpress.web.Slugs;

/**
 * What staff change in the category tree and the tags: create, rename, move, merge and delete. Old
 * addresses keep answering: a renamed or merged term's old slug redirects to where its posts are now.
 */
@ApplicationScoped
public class TermService {

    public static final int MAX_NAME = 120;
    public static final int MAX_DESCRIPTION = 1000;

    @Inject
    Event<ContentChanged> changed;

    /** A category in the tree, with its depth and how many posts are in it (directly). */
    public record CategoryRow(long id, String name, String slug, String description, Long parentId, int depth,
            long posts) {
        public boolean isDefault() {
            return Category.DEFAULT_SLUG.equals(slug);
        }

        public String path() {
            return Paths.category(slug);
        }

        /** Whether the category with id {@code parent} is this one's parent. */
        public boolean isUnder(long parent) {
            return parentId != null && parentId == parent;
        }
    }

    /** A tag with how many posts carry it. */
    public record TagRow(long id, String name, String slug, long posts) {
        public String path() {
            return Paths.tag(slug);
        }
    }

    /** Every category, each followed by its subcategories (by name at each level): two statements. */
    @Transactional
    public List<CategoryRow> categoryTree() {
        Map<Long, Long> counts = new HashMap<>();
        Category.getEntityManager()
                .createQuery("select c.id, count(p) from Post p join p.categories c group by c.id", Object[].class)
                .getResultList().forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        List<Category> all = Category.list("select c from Category c left join fetch c.parent order by lower(c.name)");
        Map<Long, List<Category>> children = new HashMap<>();
        for (Category c : all) {
            children.computeIfAbsent(c.parent == null ? null : c.parent.id, k -> new ArrayList<>()).add(c);
        }
        List<CategoryRow> rows = new ArrayList<>(all.size());
        addSubtree(null, 0, children, counts, rows);
        return rows;
    }

    private static void addSubtree(Long parentId, int depth, Map<Long, List<Category>> children,
            Map<Long, Long> counts, List<CategoryRow> rows) {
        for (Category c : children.getOrDefault(parentId, List.of())) {
            rows.add(new CategoryRow(c.id, c.name, c.slug, c.description, parentId, depth,
                    counts.getOrDefault(c.id, 0L)));
            addSubtree(c.id, depth + 1, children, counts, rows);
        }
    }

    /** The category with this id, for its management page. */
    @Transactional
    public CategoryRow category(long id) {
        return categoryTree().stream().filter(r -> r.id() == id).findFirst().orElseThrow(NotFoundException::new);
    }

    /** Adds a category, at the top level or under {@code parentId} (an id as the form sends it, or blank). */
    @Transactional
    public Category createCategory(String name, String description, String parentId) {
        String n = name(name);
        String slug = Slugs.of(n);
        if (slug.isEmpty()) {
            throw new InvalidInputException(Map.of("name", SiteLanguage.messages(CheckMessages.class).categoryNoName()));
        }
        if (Category.findByName(n).isPresent() || Category.findBySlug(slug).isPresent()) {
            throw new InvalidInputException(409, Map.of("name", SiteLanguage.messages(CheckMessages.class).categoryExists(n)));
        }
        Category category = new Category();
        category.name = n;
        category.slug = slug;
        category.description = description(description);
        category.parent = optionalCategory(parentId, "parent").orElse(null);
        category.persist();
        CategoryRedirect.release(slug);
        changed.fire(new ContentChanged("categories"));
        return category;
    }

    /** Renames a category; a new slug leaves the old one redirecting. A blank slug keeps the current one. */
    @Transactional
    public void editCategory(long id, String name, String slug, String description) {
        Category category = existing(id);
        String n = name(name);
        String s = newSlug(slug, category.slug);
        if (Category.<Category> find("lower(name) = lower(?1) and id <> ?2", n, id).firstResultOptional()
                .isPresent()) {
            throw new InvalidInputException(409, Map.of("name", SiteLanguage.messages(CheckMessages.class).categoryExists(n)));
        }
        if (Category.count("slug = ?1 and id <> ?2", s, id) > 0) {
            throw new InvalidInputException(409,
                    Map.of("slug", SiteLanguage.messages(CheckMessages.class).categorySlugTaken(s)));
        }
        if (!s.equals(category.slug)) {
            CategoryRedirect.release(s);
            CategoryRedirect.remember(category.slug, category);
        }
        category.name = n;
        category.slug = s;
        category.description = description(description);
        changed.fire(new ContentChanged("categories"));
    }

    /** Puts a category under another (or at the top level when blank); never under itself or below it. */
    @Transactional
    public void moveCategory(long id, String parentId) {
        Category category = existing(id);
        Category parent = optionalCategory(parentId, "parent").orElse(null);
        if (parent != null && CategoryTree.load().wouldCycle(category.id, parent.id)) {
            throw new InvalidInputException(Map.of("parent",
                    SiteLanguage.messages(CheckMessages.class).categoryCycle(category.name)));
        }
        category.parent = parent;
        changed.fire(new ContentChanged("categories"));
    }

    /**
     * Merges a category into another: its posts and old addresses go to {@code intoId}, its subcategories
     * move up to its parent, and it is gone.
     */
    @Transactional
    public void mergeCategory(long id, String intoId) {
        Category category = removable(id);
        Category into = optionalCategory(intoId, "into").orElseThrow(() -> new InvalidInputException(
                Map.of("into", SiteLanguage.messages(CheckMessages.class).categoryMergeInto(category.name))));
        if (into == category) {
            throw new InvalidInputException(Map.of("into", SiteLanguage.messages(CheckMessages.class).categoryMergeSelf()));
        }
        CategoryRedirect.handOver(category, into);
        String oldSlug = category.slug;
        category.deleteMovingPostsTo(into);
        CategoryRedirect.remember(oldSlug, into);
        changed.fire(new ContentChanged("categories"));
    }

    /** Deletes a category; its posts move to {@code moveToId} ("Uncategorized" when blank), its subcategories up. */
    @Transactional
    public void deleteCategory(long id, String moveToId) {
        Category category = removable(id);
        Category moveTo = optionalCategory(moveToId, "moveTo").orElseGet(PostService::defaultCategory);
        if (moveTo == category) {
            throw new InvalidInputException(Map.of("moveTo", SiteLanguage.messages(CheckMessages.class).categoryMoveTo()));
        }
        category.deleteMovingPostsTo(moveTo);
        changed.fire(new ContentChanged("categories"));
    }

    /** Every tag with its number of posts, by name: two statements. */
    @Transactional
    public List<TagRow> tags() {
        Map<Long, Long> counts = new HashMap<>();
        Tag.getEntityManager()
                .createQuery("select t.id, count(p) from Post p join p.tags t group by t.id", Object[].class)
                .getResultList().forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        return Tag.<Tag> listAll().stream()
                .sorted(Comparator.comparing((Tag t) -> t.name.toLowerCase(Locale.ROOT)).thenComparing(t -> t.slug))
                .map(t -> new TagRow(t.id, t.name, t.slug, counts.getOrDefault(t.id, 0L))).toList();
    }

    /** The tag with this id, for its management page. */
    @Transactional
    public TagRow tag(long id) {
        Tag tag = Tag.<Tag> findByIdOptional(id).orElseThrow(NotFoundException::new);
        long posts = Tag.getEntityManager()
                .createQuery("select count(p) from Post p join p.tags t where t = :tag", Long.class)
                .setParameter("tag", tag).getSingleResult();
        return new TagRow(tag.id, tag.name, tag.slug, posts);
    }

    /** Renames a tag; a new slug leaves the old one redirecting. A blank slug keeps the current one. */
    @Transactional
    public void renameTag(long id, String name, String slug) {
        Tag tag = Tag.<Tag> findByIdOptional(id).orElseThrow(NotFoundException::new);
        String n = name(name);
        String s = newSlug(slug, tag.slug);
        if (Tag.count("slug = ?1 and id <> ?2", s, id) > 0) {
            throw new InvalidInputException(409, Map.of("slug", SiteLanguage.messages(CheckMessages.class).tagSlugTaken(s)));
        }
        if (!s.equals(tag.slug)) {
            TagRedirect.release(s);
            TagRedirect.remember(tag.slug, tag);
        }
        tag.name = n;
        tag.slug = s;
        changed.fire(new ContentChanged("tags"));
    }

    /** Merges a tag into another: its posts carry the other one instead, and its address leads there. */
    @Transactional
    public void mergeTag(long id, String intoId) {
        Tag tag = Tag.<Tag> findByIdOptional(id).orElseThrow(NotFoundException::new);
        Tag into = parseId(intoId, "into").flatMap(i -> Tag.<Tag> findByIdOptional(i))
                .orElseThrow(() -> new InvalidInputException(
                        Map.of("into", SiteLanguage.messages(CheckMessages.class).tagMergeInto(tag.name))));
        if (into == tag) {
            throw new InvalidInputException(Map.of("into", SiteLanguage.messages(CheckMessages.class).tagMergeSelf()));
        }
        var em = Tag.getEntityManager();
        // a post with both keeps the one it already has; the others swap tags in place
        em.createNativeQuery("delete from post_tag where tag_id = :source and post_id in "
                + "(select post_id from post_tag where tag_id = :target)")
                .setParameter("source", tag.id).setParameter("target", into.id).executeUpdate();
        em.createNativeQuery("update post_tag set tag_id = :target where tag_id = :source")
                .setParameter("source", tag.id).setParameter("target", into.id).executeUpdate();
        TagRedirect.handOver(tag, into);
        String oldSlug = tag.slug;
        tag.delete();
        TagRedirect.remember(oldSlug, into);
        changed.fire(new ContentChanged("tags"));
    }

    private static String name(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > MAX_NAME) {
            throw new InvalidInputException(
                    Map.of("name", SiteLanguage.messages(CheckMessages.class).termNameLength(MAX_NAME)));
        }
        return n;
    }

    private static String description(String description) {
        String d = description == null ? "" : description.strip();
        if (d.length() > MAX_DESCRIPTION) {
            throw new InvalidInputException(Map.of("description",
                    SiteLanguage.messages(CheckMessages.class).atMostCharacters(SiteLanguage.number(MAX_DESCRIPTION))));
        }
        return d.isEmpty() ? null : d;
    }

    private static String newSlug(String slug, String current) {
        String s = slug == null ? "" : slug.strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            return current;
        }
        if (!Slugs.isValid(s) || s.length() > Slugs.MAX_LENGTH) {
            throw new InvalidInputException(
                    Map.of("slug", SiteLanguage.messages(CheckMessages.class).termSlugFormat()));
        }
        return s;
    }

    private static Category existing(long id) {
        return Category.<Category> findByIdOptional(id).orElseThrow(NotFoundException::new);
    }

    /** A category that may go away: any but "Uncategorized", where posts land when nothing else is chosen. */
    private static Category removable(long id) {
        Category category = existing(id);
        if (Category.DEFAULT_SLUG.equals(category.slug)) {
            throw new InvalidInputException(Map.of("category",
                    SiteLanguage.messages(CheckMessages.class).categoryDefault(category.name)));
        }
        return category;
    }

    /** The category a form field names by id; empty when the field is blank, 400 naming it when unknown. */
    private static Optional<Category> optionalCategory(String id, String field) {
        Optional<Long> parsed = parseId(id, field);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Category.<Category> findByIdOptional(parsed.get()).orElseThrow(
                () -> new InvalidInputException(Map.of(field, SiteLanguage.messages(CheckMessages.class).categoryGone()))));
    }

    private static Optional<Long> parseId(String id, String field) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(id.strip()));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(Map.of(field, SiteLanguage.messages(CheckMessages.class).chooseFromList()));
        }
    }
}
