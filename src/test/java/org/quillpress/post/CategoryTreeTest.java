package org.quillpress.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The tree's rules on plain values: what lies below a category, and which moves would make a loop. */
class CategoryTreeTest {

    /** news ─ local ─ harbour, news ─ sport; travel on its own. */
    private static CategoryTree tree() {
        Map<Long, Long> parents = new HashMap<>();
        parents.put(1L, null); // news
        parents.put(2L, 1L); // local
        parents.put(3L, 2L); // harbour
        parents.put(4L, 1L); // sport
        parents.put(5L, null); // travel
        return new CategoryTree(parents);
    }

    @Test
    void aCategoryHoldsEverythingBelowItAtAnyDepth() {
        assertThat(tree().withDescendants(1)).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
        assertThat(tree().withDescendants(2)).containsExactlyInAnyOrder(2L, 3L);
        assertThat(tree().withDescendants(5)).containsExactly(5L);
    }

    @Test
    void aCategoryCannotGoUnderItselfOrBelowItself() {
        assertThat(tree().wouldCycle(1, 1L)).isTrue();
        assertThat(tree().wouldCycle(1, 3L)).isTrue();
        assertThat(tree().wouldCycle(2, 3L)).isTrue();
    }

    @Test
    void aCategoryMayGoAnywhereElseOrToTheTop() {
        assertThat(tree().wouldCycle(3, 1L)).isFalse();
        assertThat(tree().wouldCycle(2, 5L)).isFalse();
        assertThat(tree().wouldCycle(5, 3L)).isFalse();
        assertThat(tree().wouldCycle(3, null)).isFalse();
    }

    @Test
    void aLoopAlreadyInTheDataStillEnds() {
        Map<Long, Long> parents = new HashMap<>();
        parents.put(1L, 2L);
        parents.put(2L, 1L);
        CategoryTree broken = new CategoryTree(parents);
        assertThat(broken.withDescendants(1)).containsExactlyInAnyOrder(1L, 2L);
        assertThat(broken.wouldCycle(1, 2L)).isTrue();
    }
}
