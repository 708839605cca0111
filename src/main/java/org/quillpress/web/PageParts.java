package org.quillpress.web;

import java.util.List;

/**
 * An HTML page, as UTF-8 bytes, in the parts it was put together from: sent as one buffer over them (see
 * {@link PagePartsWriter}), not copied into one array first. The parts may be shared by many responses; nobody
 * writes to them.
 */
public interface PageParts {

    /** The page's parts, in order. */
    List<byte[]> parts();

    /** A page of these parts. */
    static PageParts of(List<byte[]> parts) {
        List<byte[]> kept = List.copyOf(parts);
        return () -> kept;
    }

    /** The length of the whole page in bytes. */
    default int length() {
        int length = 0;
        for (byte[] part : parts()) {
            length += part.length;
        }
        return length;
    }

    /** The page in one array, for whoever must read it whole (the page cache, to find its form fields). */
    default byte[] joined() {
        byte[] page = new byte[length()];
        int at = 0;
        for (byte[] part : parts()) {
            System.arraycopy(part, 0, page, at, part.length);
            at += part.length;
        }
        return page;
    }
}
