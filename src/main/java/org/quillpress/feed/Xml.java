package org.quillpress.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jdom2.CDATA;
import org.jdom2.Content;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.filter.Filters;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/**
 * Writes a feed's XML document as UTF-8 with every text node exactly as it is. ROME's own "compact" output
 * normalises white space inside text, which joins the lines of a code block in a post or comment.
 */
final class Xml {

    /** Ends a CDATA section; HTML holding it is split there into two sections. */
    private static final String CDATA_END = "]]>";

    private Xml() {
    }

    /**
     * Makes the text of every element {@code name} in {@code namespace} a CDATA section: the HTML then reads as
     * itself in the document, and markup escaped inside it ({@code &lt;} in a code block) is unescaped once,
     * as in the page, rather than twice.
     */
    static void htmlAsCdata(Document document, Namespace namespace, String name) {
        List<Element> elements = new ArrayList<>();
        document.getDescendants(Filters.element(name, namespace)).forEach(elements::add);
        for (Element element : elements) {
            element.setContent(cdata(element.getText()));
        }
    }

    /** {@code text} as CDATA sections, split after "]]" wherever it holds "]]>" (which would end a section). */
    static List<Content> cdata(String text) {
        List<Content> sections = new ArrayList<>();
        int from = 0;
        for (int end = text.indexOf(CDATA_END); end >= 0; end = text.indexOf(CDATA_END, from)) {
            sections.add(new CDATA(text.substring(from, end + 2)));
            from = end + 2;
        }
        sections.add(new CDATA(text.substring(from)));
        return sections;
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
