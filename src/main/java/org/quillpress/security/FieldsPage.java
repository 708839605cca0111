package org.quillpress.security;

import java.util.List;

import org.quillpress.web.PageParts;

/**
 * An HTML page, as UTF-8 bytes, whose only per-visitor text is its one form-fields region (see {@link FormFields}),
 * kept in three parts: the text before the region, the region (markers included) and the text after it. A page put
 * together from parts hands them over as they are, so the page cache keeps them without searching 140 KB for the
 * markers and for the visitor's token, and without copying them: the application that builds one vouches that the
 * visitor's token appears nowhere else in it. {@code before} and {@code after} may be shared by many responses and
 * cached pages; nobody writes to them.
 */
public record FieldsPage(byte[] before, byte[] fields, byte[] after) implements PageParts {

    @Override
    public List<byte[]> parts() {
        return List.of(before, fields, after);
    }
}
