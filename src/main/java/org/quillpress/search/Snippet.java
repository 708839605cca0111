package org.quillpress.search;

import io.quarkus.qute.RawString;

/**
 * A passage of a post's text with the words that matched marked, as HTML. It is built only from plain text in
 * which the search engine put {@link #OPEN} and {@link #CLOSE} around each match: everything else is escaped
 * here, so the only markup a snippet can carry is {@code <mark>}. This is the one place that rule lives.
 */
public record Snippet(String html) {

    /** Put before a matched word by the engines; a private-use character, removed from the text indexed. */
    public static final char OPEN = '\uE000';
    public static final char CLOSE = '\uE001';

    public static final Snippet EMPTY = new Snippet("");

    /** The snippet of {@code marked}: plain text with matches between {@link #OPEN} and {@link #CLOSE}. */
    public static Snippet ofMarked(String marked) {
        StringBuilder html = new StringBuilder(marked.length() + 32);
        boolean open = false;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            switch (c) {
                case OPEN -> {
                    if (!open) {
                        html.append("<mark>");
                        open = true;
                    }
                }
                case CLOSE -> {
                    if (open) {
                        html.append("</mark>");
                        open = false;
                    }
                }
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '&' -> html.append("&amp;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
        if (open) {
            html.append("</mark>");
        }
        return new Snippet(html.toString().strip());
    }

    public boolean isEmpty() {
        return html.isEmpty();
    }

    /** For the template: safe because {@link #ofMarked} escaped all but its own marks. */
    public RawString raw() {
        return new RawString(html);
    }
}
