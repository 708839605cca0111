package org.quillpress.post;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shape of the category tree, as each category's parent: what lies under a category, and whether a
 * move would put a category under itself. Plain values, so the rules are tested without a database.
 */
public final class CategoryTree {

    private final Map<Long, List<Long>> childrenOf = new HashMap<>();

    /** {@code parentOf} maps every category's id to its parent's id, or to null at the top level. */
    public CategoryTree(Map<Long, Long> parentOf) {
        parentOf.forEach((id, parent) -> childrenOf.computeIfAbsent(parent, k -> new ArrayList<>()).add(id));
    }

    /** The tree as stored, in one statement. */
    public static CategoryTree load() {
        Map<Long, Long> parents = new HashMap<>();
        Category.getEntityManager()
                .createQuery("select c.id, p.id from Category c left join c.parent p", Object[].class)
                .getResultList().forEach(row -> parents.put((Long) row[0], (Long) row[1]));
        return new CategoryTree(parents);
    }

    /** {@code id} and every category below it, at any depth. */
    public Set<Long> withDescendants(long id) {
        Set<Long> found = new LinkedHashSet<>();
        List<Long> pending = new ArrayList<>(List.of(id));
        while (!pending.isEmpty()) {
            Long next = pending.remove(pending.size() - 1);
            // the add guards against a loop a broken row could make, so the walk always ends
            if (found.add(next)) {
                pending.addAll(childrenOf.getOrDefault(next, List.of()));
            }
        }
        return found;
    }

    /** True when putting {@code id} under {@code newParent} would make a loop: the parent is it or below it. */
    public boolean wouldCycle(long id, Long newParent) {
        return newParent != null && withDescendants(id).contains(newParent);
    }
}
