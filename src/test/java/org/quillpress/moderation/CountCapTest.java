package org.quillpress.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The queue's counts stop past 1,000: each tab and the pending count in every staff page's header read at
 * most that many index entries, whatever the number of comments.
 */
class CountCapTest {

    @Test
    void aCountPastTheCapIsShownAsTheCapWithAPlus() {
        assertThat(ModerationQueue.shown(0)).isEqualTo("0");
        assertThat(ModerationQueue.shown(1_000)).isEqualTo("1000");
        assertThat(ModerationQueue.shown(1_001)).isEqualTo("1000+");
        assertThat(new ModerationViews.Tab("pending", 1_001, true, "/moderation").shownCount()).isEqualTo("1000+");
    }
}
