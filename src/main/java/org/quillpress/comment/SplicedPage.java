package org.quillpress.comment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.quillpress.security.FieldsPage;
import org.quillpress.security.StandIn;
import org.quillpress.web.HtmlText;
import org.quillpress.web.PageParts;

/**
 * A post page put together from what is rendered per request and the parts kept as bytes: the shared
 * article and thread ({@link PostPageParts.Shared}) and, for a visitor whose page is made from a skeleton, their
 * name, CSRF token and form fields. The template is rendered with a slot in place of each such part, and cut at
 * the slots; filling them costs copying bytes, not rendering or encoding the page again.
 * <p>
 * A skeleton is the page rendered once with {@link StandIn}'s placeholders for every visitor of the same kind
 * (a guest, a reader, an author who may not edit the post), and kept with the post's shared parts: a
 * signed-in reader's page then takes no template rendering at all. A guest's skeleton also keeps the page joined
 * around its form fields ({@link Around}): a guest's page then costs no copy of the page either, only its fields.
 */
final class SplicedPage {

    /** What the template writes where a shared part goes: a comment no post or comment body can hold. */
    record Slots(String article, String discussion) {
    }

    /** The places a page leaves open, and the text that marks each in a rendering. */
    enum Slot {
        ARTICLE(SLOTS_ARTICLE),
        DISCUSSION(SLOTS_DISCUSSION),
        NAME(StandIn.NAME),
        CSRF_TOKEN(StandIn.CSRF_TOKEN),
        FORM_FIELDS(StandIn.FORM_FIELDS);

        private final String marker;

        Slot(String marker) {
            this.marker = marker;
        }
    }

    /** The values of the slots for one response; a slot its page does not have may be null. */
    record Filling(byte[] article, byte[] discussion, byte[] name, byte[] csrfToken, byte[] formFields) {
        byte[] of(Slot slot) {
            return switch (slot) {
                case ARTICLE -> article;
                case DISCUSSION -> discussion;
                case NAME -> name;
                case CSRF_TOKEN -> csrfToken;
                case FORM_FIELDS -> formFields;
            };
        }
    }

    /**
     * A guest's page around its form fields for one pair of shared parts: the text before the fields and the text
     * after them, each joined once and then sent to every guest and kept by the page cache as it is (see
     * {@link FieldsPage}).
     */
    record Around(byte[] article, byte[] discussion, byte[] before, byte[] after) {

        /** True when {@code filling} has these shared parts: kept parts are never written to, so the same arrays. */
        boolean joins(Filling filling) {
            return article == filling.article() && discussion == filling.discussion();
        }
    }

    /**
     * A rendering cut at its slots: {@code texts} has one more element than {@code slots}, around them. A guest's
     * skeleton may keep its page {@code around} the form fields, joined with the shared parts it is kept beside.
     */
    record Skeleton(List<byte[]> texts, List<Slot> slots, Around around) {

        int weight() {
            return 64 + texts.stream().mapToInt(t -> t.length + 16).sum()
                    + (around == null ? 0 : around.before().length + around.after().length);
        }

        /** The page filled for {@code filling}, as its texts and the slots' values in turn, none of them copied. */
        PageParts parts(Filling filling) {
            List<byte[]> parts = new ArrayList<>(texts.size() + slots.size());
            parts.add(texts.get(0));
            for (int i = 0; i < slots.size(); i++) {
                parts.add(filling.of(slots.get(i)));
                parts.add(texts.get(i + 1));
            }
            return PageParts.of(parts);
        }

        /**
         * The same skeleton keeping a guest's page around its form fields joined with these shared parts, so the
         * guests that follow cost no copy of the page; itself when it is no guest's.
         */
        Skeleton joinedWith(byte[] article, byte[] discussion) {
            int fields = guestFields();
            return fields < 0 ? this
                    : new Skeleton(texts, slots, around(fields, new Filling(article, discussion, null, null, null)));
        }

        /**
         * The page filled for {@code filling}, in parts: around its form fields when they are the only per-visitor
         * text in it (a guest's page), so the page cache need neither search nor copy it.
         */
        Object entity(Filling filling) {
            int fields = guestFields();
            if (fields < 0) {
                return parts(filling);
            }
            Around kept = around != null && around.joins(filling) ? around : around(fields, filling);
            return new FieldsPage(kept.before(), filling.formFields(), kept.after());
        }

        /** The index of the one fields slot when there is no name or token slot (a guest's page), else -1. */
        private int guestFields() {
            int fields = slots.indexOf(Slot.FORM_FIELDS);
            boolean guests = fields >= 0 && fields == slots.lastIndexOf(Slot.FORM_FIELDS)
                    && !slots.contains(Slot.CSRF_TOKEN) && !slots.contains(Slot.NAME);
            return guests ? fields : -1;
        }

        private Around around(int fields, Filling filling) {
            return new Around(filling.article(), filling.discussion(), join(0, fields, filling),
                    join(fields + 1, slots.size(), filling));
        }

        /** The text at {@code first}, then each slot's value and the text after it, up to the text at {@code last}. */
        private byte[] join(int first, int last, Filling filling) {
            int length = texts.get(first).length;
            for (int i = first; i < last; i++) {
                length += filling.of(slots.get(i)).length + texts.get(i + 1).length;
            }
            byte[] joined = new byte[length];
            int at = put(texts.get(first), joined, 0);
            for (int i = first; i < last; i++) {
                at = put(filling.of(slots.get(i)), joined, at);
                at = put(texts.get(i + 1), joined, at);
            }
            return joined;
        }

        private static int put(byte[] part, byte[] page, int at) {
            System.arraycopy(part, 0, page, at, part.length);
            return at + part.length;
        }
    }

    // random per process, so that no stored text can imitate a slot
    private static final String NONCE = UUID.randomUUID().toString();
    private static final String SLOTS_ARTICLE = "<!--qp-article " + NONCE + "-->";
    private static final String SLOTS_DISCUSSION = "<!--qp-discussion " + NONCE + "-->";

    static final Slots SLOTS = new Slots(SLOTS_ARTICLE, SLOTS_DISCUSSION);

    private SplicedPage() {
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Text as the templates write a value into HTML, as bytes. */
    static byte[] escaped(String text) {
        return bytes(HtmlText.escape(text));
    }

    /**
     * Cuts {@code rendered} at its slots. Both shared parts must have their slot; a placeholder of
     * {@link StandIn} that no slot takes (a value of the visitor's that a template began to show) is refused.
     */
    static Skeleton cut(String rendered) {
        List<byte[]> texts = new ArrayList<>();
        List<Slot> slots = new ArrayList<>();
        int from = 0;
        while (true) {
            Slot next = null;
            int at = -1;
            for (Slot slot : Slot.values()) {
                int found = rendered.indexOf(slot.marker, from);
                if (found >= 0 && (at < 0 || found < at)) {
                    at = found;
                    next = slot;
                }
            }
            String text = rendered.substring(from, at < 0 ? rendered.length() : at);
            if (text.contains(StandIn.PREFIX)) {
                throw new IllegalStateException("The post page shows a visitor's value that has no slot");
            }
            texts.add(bytes(text));
            if (next == null) {
                break;
            }
            slots.add(next);
            from = at + next.marker.length();
        }
        if (!slots.contains(Slot.ARTICLE) || !slots.contains(Slot.DISCUSSION)) {
            throw new IllegalStateException("The post page template lost a slot for its shared parts");
        }
        return new Skeleton(List.copyOf(texts), List.copyOf(slots), null);
    }
}
