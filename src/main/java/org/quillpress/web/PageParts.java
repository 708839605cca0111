package org.quillpress.web;

import java.util.List;

/**
 * An HTML page, as UTF-8 bytes, in the parts it was put together from: sent as one buffer over them (see
 * {@link PagePartsWriter}), not copied into one array first. The parts may be shared by many responses; nobody
 * writes to them.
 */
public record PageParts(List<byte[]> parts) {

    public PageParts {
        parts = List.copyOf(parts);
    }

    /** The length of the whole page in bytes. */
    public int length() {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        return length;
    }

    /** The page in one array, for whoever must read it whole (the page cache, to find its form fields). */
    public byte[] joined() {
        byte[] page = new byte[length()];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, page, at, part.length);
            at += part.length;
        }
        return page;
    }
}
