package org.quillpress.comment;

import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;

/**
 * Where a reply goes in a thread. A thread nests only so deep; a reply to a comment at the deepest level
 * joins that comment's own replies instead of opening a level nobody would see.
 */
public final class Threading {

    private Threading() {
    }

    /** The deepest level of the site's threads: its setting, never past {@link DiscussionSettings.Rules#MAX_DEPTH}. */
    public static int deepest(DiscussionSettings.Rules rules) {
        return Math.min(rules.threadDepth(), DiscussionSettings.Rules.MAX_DEPTH);
    }

    /**
     * The comment a reply to {@code parent} is attached to so that the reply sits at most {@code deepest}
     * levels down: the parent itself, or its nearest ancestor above that level. Null (a new thread) for a
     * null parent. Works on entities and on lighter views of a comment alike, given how to read a depth
     * (1 for a thread's first comment) and a parent.
     */
    public static <C> C attachTo(C parent, int deepest, ToIntFunction<C> depthOf, UnaryOperator<C> parentOf) {
        C attachTo = parent;
        while (attachTo != null && depthOf.applyAsInt(attachTo) >= deepest) {
            attachTo = parentOf.apply(attachTo);
        }
        return attachTo;
    }
}
