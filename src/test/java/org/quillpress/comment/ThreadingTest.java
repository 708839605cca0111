package org.quillpress.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Where a reply lands in a thread that nests only so deep. */
class ThreadingTest {

    /** A comment as far as threading is concerned. */
    record Node(String name, int depth, Node parent) {

        Node reply(String name) {
            return new Node(name, depth + 1, this);
        }
    }

    /** A chain of seven comments, each answering the one before: "1" at depth 1 down to "7" at depth 7. */
    static final List<Node> CHAIN = chain(7);

    static Node attachTo(Node parent, int deepest) {
        return Threading.attachTo(parent, deepest, Node::depth, Node::parent);
    }

    @Test
    void aReplyAboveTheDeepestLevelNestsUnderItsParent() {
        assertThat(attachTo(CHAIN.get(0), 5)).isEqualTo(CHAIN.get(0));
        assertThat(attachTo(CHAIN.get(3), 5).name()).isEqualTo("4");
    }

    @Test
    void aReplyToACommentAtTheDeepestLevelJoinsThatCommentsReplies() {
        assertThat(attachTo(CHAIN.get(4), 5).name()).isEqualTo("4");
    }

    @Test
    void aReplyToACommentBelowTheDeepestLevelGoesUpToTheDeepestAllowedAncestor() {
        // imported threads may be deeper than the site shows
        assertThat(attachTo(CHAIN.get(6), 5).name()).isEqualTo("4");
        assertThat(attachTo(CHAIN.get(6), 3).name()).isEqualTo("2");
    }

    @Test
    void withOneLevelEveryReplyStartsAThreadOfItsOwn() {
        assertThat(attachTo(CHAIN.get(0), 1)).isNull();
        assertThat(attachTo(CHAIN.get(3), 1)).isNull();
    }

    @Test
    void aCommentWithoutParentStartsAThread() {
        assertThat(attachTo(null, 5)).isNull();
    }

    @Test
    void theSitesDepthIsCappedAtTheDeepestAPageCanShow() {
        DiscussionSettings.Rules d = DiscussionSettings.Rules.defaults();
        assertThat(Threading.deepest(d)).isEqualTo(5);
        assertThat(Threading.deepest(new DiscussionSettings.Rules(50, d.editWindowMinutes(), d.closeAfterDays(),
                d.floodSeconds(), d.hourlyLimit(), d.minSecondsToWrite(), d.linkLimit(), d.requireApproval(),
                d.requirePriorApproval(), d.holdTerms(), d.spamTerms(), d.commentsPerPage())))
                .isEqualTo(DiscussionSettings.Rules.MAX_DEPTH);
    }

    static List<Node> chain(int length) {
        Node node = new Node("1", 1, null);
        List<Node> nodes = new java.util.ArrayList<>(List.of(node));
        for (int i = 2; i <= length; i++) {
            node = node.reply(Integer.toString(i));
            nodes.add(node);
        }
        return List.copyOf(nodes);
    }
}
