package org.quillpress.comment;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A post page put together from what is rendered per request (the layout, the comment form) and the shared
 * parts kept as bytes ({@link PostPageParts.Shared}). The template is rendered with a slot in place of each
 * shared part; only the text around the slots is encoded per request, so a reader's page costs the encoding of
 * its few kilobytes of their own, not of the whole article and thread.
 */
final class SplicedPage {

    /** What the template writes where a shared part goes: a comment no post or comment body can hold. */
    record Slots(String article, String discussion) {
    }

    // random per process, so that no stored text can imitate a slot
    private static final String NONCE = UUID.randomUUID().toString();

    static final Slots SLOTS = new Slots("<!--qp-article " + NONCE + "-->", "<!--qp-discussion " + NONCE + "-->");

    private SplicedPage() {
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The page: {@code rendered} (with {@link #SLOTS} in it) with the slots replaced by the shared bytes. */
    static byte[] splice(String rendered, PostPageParts.Shared shared) {
        int article = rendered.indexOf(SLOTS.article());
        int discussion = rendered.indexOf(SLOTS.discussion(), article + 1);
        if (article < 0 || discussion < 0) {
            throw new IllegalStateException("The post page template lost a slot for its shared parts");
        }
        byte[] head = bytes(rendered.substring(0, article));
        byte[] middle = bytes(rendered.substring(article + SLOTS.article().length(), discussion));
        byte[] tail = bytes(rendered.substring(discussion + SLOTS.discussion().length()));
        byte[] page = new byte[head.length + shared.article().length + middle.length + shared.discussion().length
                + tail.length];
        int at = 0;
        for (byte[] part : new byte[][] { head, shared.article(), middle, shared.discussion(), tail }) {
            System.arraycopy(part, 0, page, at, part.length);
            at += part.length;
        }
        return page;
    }
}
