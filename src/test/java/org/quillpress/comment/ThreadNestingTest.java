package org.quillpress.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.quillpress.comment.CommentViews.Item;
import org.quillpress.comment.CommentViews.Row;

/** How a page's comments, in thread order, become nested lists: which list each opens or closes. */
class ThreadNestingTest {

    static Item item(long id, Long parentId, int depth) {
        return new Item(id, parentId, depth, "Writer " + id, null, null, null, "<p>" + id + "</p>", Instant.EPOCH, null,
                false, false, false, false);
    }

    @Test
    void aChainOpensAListUnderEachCommentAndTheLastClosesThemAllFoldingTheLongOnes() {
        List<Item> chain = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            chain.add(item(i, i == 1 ? null : (long) i - 1, i));
        }
        List<Row> rows = CommentViews.nest(chain);
        assertThat(rows).extracting(Row::opensReplies).containsExactly(true, true, true, true, false);
        assertThat(rows).extracting(Row::replies).containsExactly(4, 3, 2, 1, 0);
        assertThat(rows).extracting(Row::parentName).containsExactly(null, "Writer 1", "Writer 2", "Writer 3", "Writer 4");
        // innermost first: the lists under 4, 3, 2 (not folded) and 1 and 2 (three replies or more: folded)
        assertThat(rows.get(4).closes()).containsExactly(false, false, true, true);
        assertThat(rows).extracting(Row::folds).containsExactly(true, true, false, false, false);
    }

    @Test
    void siblingsAndASecondThreadCloseOnlyWhatEnds() {
        // 1 ─ 2 ─ 3
        //   └ 4
        // 5
        List<Row> rows = CommentViews.nest(List.of(item(1, null, 1), item(2, 1L, 2), item(3, 2L, 3), item(4, 1L, 2),
                item(5, null, 1)));
        assertThat(rows).extracting(Row::opensReplies).containsExactly(true, true, false, false, false);
        assertThat(rows.get(2).closes()).hasSize(1);
        assertThat(rows.get(3).closes()).hasSize(1);
        assertThat(rows.get(4).closes()).isEmpty();
        assertThat(rows.get(0).replies()).isEqualTo(3);
    }

    @Test
    void aReplyWhoseParentIsNotShownStartsAtTheTopNamingNoOne() {
        // 2 was not approved: 3, its reply, shows as a thread of its own
        List<Row> rows = CommentViews.nest(List.of(item(1, null, 1), item(3, 2L, 3), item(4, 3L, 4)));
        assertThat(rows).extracting(Row::parentName).containsExactly(null, null, "Writer 3");
        assertThat(rows).extracting(Row::opensReplies).containsExactly(false, true, false);
        assertThat(rows.get(0).closes()).isEmpty();
        assertThat(rows.get(2).closes()).hasSize(1);
    }
}
