package org.quillpress.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.junit.jupiter.api.Test;

/** HTML in a feed is written as CDATA that a parser reads back exactly, whatever the HTML holds. */
class XmlTest {

    @Test
    void htmlBecomesCdataThatReadsBackExactlyEvenWithTheSectionEndInIt() throws Exception {
        String html = "<pre><code>if x &lt; 1:\n    a[b[0]]>c ]]> ]]]]>\n</code></pre>";
        Element root = new Element("root");
        root.addContent(new Element("description").setText(html));
        root.addContent(new Element("title").setText("a < b"));
        Document document = new Document(root);

        Xml.htmlAsCdata(document, Namespace.NO_NAMESPACE, "description");
        String written = new String(Xml.bytes(document), StandardCharsets.UTF_8);

        assertThat(written).contains("<description><![CDATA[<pre><code>if x &lt; 1:\n    a[b[0]]]]><![CDATA[>c")
                .contains("<title>a &lt; b</title>");
        org.w3c.dom.Document parsed = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(written.getBytes(StandardCharsets.UTF_8)));
        assertThat(parsed.getElementsByTagName("description").item(0).getTextContent()).isEqualTo(html);
    }

    @Test
    void rssTextWritesAmpersandAndLessThanAsNumericReferencesAndCdataAsItIs() throws Exception {
        Element root = new Element("rss");
        root.addContent(new Element("title").setText("Fish & <Chips> > \u00e9\uD83D\uDE00"));
        root.addContent(new Element("description").setText("<p>a &amp; b</p>"));
        Document document = new Document(root);

        Xml.htmlAsCdata(document, Namespace.NO_NAMESPACE, "description");
        String written = new String(Xml.rssBytes(document), StandardCharsets.UTF_8);

        assertThat(written).contains("<title>Fish &#x26; &#x3C;Chips&gt; &gt; \u00e9")
                .contains("<description><![CDATA[<p>a &amp; b</p>]]></description>");
        org.w3c.dom.Document parsed = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(written.getBytes(StandardCharsets.UTF_8)));
        assertThat(parsed.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("Fish & <Chips> > \u00e9\uD83D\uDE00");
    }

    @Test
    void charactersXmlCannotCarryAreLeftOut() {
        assertThat(FeedWriter.xmlText("a\u0000b\u0008c\td\n\uD83D\uDE00")).isEqualTo("abc\td\n\uD83D\uDE00");
        assertThat(FeedWriter.xmlText("plain")).isEqualTo("plain");
    }
}
