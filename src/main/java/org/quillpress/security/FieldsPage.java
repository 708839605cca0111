package org.quillpress.security;

/**
 * An HTML page, as UTF-8 bytes, whose only per-visitor text is its one form-fields region (see {@link FormFields}),
 * at {@code [from, to)}, markers included. A page put together from parts can say where it put the region, so
 * the page cache keeps it without searching 140 KB for the markers and for the visitor's token: the application
 * that builds one vouches that the visitor's token appears nowhere else in it.
 */
public record FieldsPage(byte[] bytes, int from, int to) {

    public FieldsPage {
        if (from < 0 || to < from || to > bytes.length) {
            throw new IllegalArgumentException("The fields region [" + from + ", " + to + ") is outside the page");
        }
    }
}
