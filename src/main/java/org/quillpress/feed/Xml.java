package org.quillpress.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jdom2.CDATA;
import org.jdom2.Content;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.Text;
import org.jdom2.filter.Filters;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;
import org.jdom2.output.support.AbstractXMLOutputProcessor;
import org.jdom2.output.support.FormatStack;

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

    /** {@code document} in UTF-8, every text as XML's own escapes write it ({@code &lt;}, {@code &amp;}). */
    static byte[] bytes(Document document) {
        return bytes(document, new XMLOutputter());
    }

    /**
     * An RSS document in UTF-8. RSS never said whether its plain-text elements (title, category, dc:creator) hold
     * text or HTML, so readers disagree on what {@code &lt;} means there; the RSS Advisory Board's profile and the
     * W3C validator ask for the numeric {@code &#x3C;} and {@code &#x26;}, which every reader takes as the
     * character itself. CDATA (descriptions and content:encoded) and attributes are written as before.
     */
    static byte[] rssBytes(Document document) {
        return bytes(document, new XMLOutputter(new NumericTextReferences()));
    }

    private static byte[] bytes(Document document, XMLOutputter outputter) {
        outputter.setFormat(Format.getRawFormat().setEncoding(StandardCharsets.UTF_8.name()));
        ByteArrayOutputStream out = new ByteArrayOutputStream(16_384);
        try {
            outputter.output(document, out);
        } catch (IOException e) {
            // a byte array never fails to take bytes
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes {@code &} and {@code <} in text as numeric references, and everything else as JDOM does. */
    private static final class NumericTextReferences extends AbstractXMLOutputProcessor {

        @Override
        protected void printText(Writer out, FormatStack fstack, Text text) throws IOException {
            if (!fstack.getEscapeOutput()) {
                super.printText(out, fstack, text);
                return;
            }
            String value = text.getText();
            int from = 0;
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '&' || c == '<') {
                    textRaw(out, Format.escapeText(fstack.getEscapeStrategy(), fstack.getLineSeparator(),
                            value.substring(from, i)));
                    textRaw(out, c == '&' ? "&#x26;" : "&#x3C;");
                    from = i + 1;
                }
            }
            textRaw(out, Format.escapeText(fstack.getEscapeStrategy(), fstack.getLineSeparator(), value.substring(from)));
        }
    }
}
