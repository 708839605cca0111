package org.quillpress.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The sitemap as a guest reads it: /sitemap.xml itself while the site fits in one file, else the index followed
 * by every file it names.
 */
public final class Sitemaps {

    public static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static final Pattern FILE = Pattern.compile("<loc>[^<]*(/sitemap-[a-z]+-\\d+\\.xml)</loc>");

    private Sitemaps() {
    }

    /** Every file of the sitemap as one text. */
    public static String everything() {
        String sitemap = WebClient.anonymous().get(Uncached.path("/sitemap.xml")).asString();
        if (!sitemap.contains("<sitemapindex")) {
            return sitemap;
        }
        return FILE.matcher(sitemap).results()
                .map(m -> WebClient.anonymous().get(Uncached.path(m.group(1))).asString())
                .collect(Collectors.joining("\n"));
    }

    /** The root element's name of a sitemap document: {@code urlset} or {@code sitemapindex}. */
    public static String root(byte[] xml) throws Exception {
        Element root = parse(xml).getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(NS);
        return root.getLocalName();
    }

    /**
     * loc → lastmod (null when absent) of each {@code entry} ({@code url} or {@code sitemap}), in document order,
     * after checking that the root is {@code root} and that no address is listed twice.
     */
    public static Map<String, String> entries(byte[] xml, String root, String entry) throws Exception {
        Element top = parse(xml).getDocumentElement();
        assertThat(top.getNamespaceURI()).isEqualTo(NS);
        assertThat(top.getLocalName()).isEqualTo(root);
        Map<String, String> entries = new LinkedHashMap<>();
        NodeList found = top.getElementsByTagNameNS(NS, entry);
        for (int i = 0; i < found.getLength(); i++) {
            Element one = (Element) found.item(i);
            NodeList loc = one.getElementsByTagNameNS(NS, "loc");
            assertThat(loc.getLength()).isEqualTo(1);
            String address = loc.item(0).getTextContent();
            assertThat(entries).as("listed once").doesNotContainKey(address);
            NodeList lastmod = one.getElementsByTagNameNS(NS, "lastmod");
            entries.put(address, lastmod.getLength() == 0 ? null : lastmod.item(0).getTextContent());
        }
        return entries;
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
