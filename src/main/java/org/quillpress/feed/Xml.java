package org.quillpress.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.jdom2.Document;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/**
 * Writes a feed's XML document as UTF-8 with every text node exactly as it is. ROME's own "compact" output
 * normalises white space inside text, which joins the lines of a code block in a post or comment.
 */
final class Xml {

    private Xml() {
    }

    static byte[] bytes(Document document) {
        Format raw = Format.getRawFormat().setEncoding(StandardCharsets.UTF_8.name());
        ByteArrayOutputStream out = new ByteArrayOutputStream(16_384);
        try {
            new XMLOutputter(raw).output(document, out);
        } catch (IOException e) {
            // a byte array never fails to take bytes
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
