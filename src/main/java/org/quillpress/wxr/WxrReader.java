package org.quillpress.wxr;

import java.io.Closeable;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import io.quarkus.logging.Log;

/**
 * Reads a WordPress export (WXR 1.0, 1.1 or 1.2) one unit at a time: an author, a term or an item with
 * its comments. Streaming StAX with DTDs and external entities off, so memory stays bounded by the largest
 * single item, and no file can make the parser fetch or expand anything.
 */
final class WxrReader implements Closeable {

    /** One thing the export holds, in file order. */
    sealed interface Unit permits Author, Term, Item {
        /** The line of the file where it starts, for the report. */
        int line();
    }

    record Author(int line, long wpId, String login, String email, String displayName) implements Unit {
    }

    /** A category ({@code taxonomy} "category"), a tag ("post_tag") or another taxonomy's term. */
    record Term(int line, String taxonomy, String slug, String name, String parentSlug, String description)
            implements
                Unit {
    }

    record ItemTerm(String domain, String slug, String name) {
    }

    record Item(int line, Map<String, String> fields, List<ItemTerm> terms, List<Map<String, String>> comments)
            implements
                Unit {
        String get(String key) {
            String value = fields.get(key);
            return value == null ? "" : value;
        }
    }

    /** The file is not well-formed XML or not a WordPress export; says where. */
    static final class MalformedFile extends Exception {
        final int line;

        MalformedFile(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    private static final XMLInputFactory FACTORY = newFactory();

    private final XMLStreamReader xml;
    private String siteUrl = "";
    private String blogUrl = "";
    private String link = "";
    private String timeZone = "";
    private String language = "";
    private boolean inChannel;
    private boolean sawChannel;

    WxrReader(InputStream in) throws MalformedFile {
        try {
            xml = FACTORY.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // no DTD, no external entities: a WordPress export needs neither, and both are ways to attack a parser
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }

    /**
     * The WordPress blog the export came from, known once the channel's head is read: the blog's own address
     * ({@code wp:base_blog_url}), which tells apart the blogs of one WordPress.com account or one multisite
     * network (they all share {@code wp:base_site_url}), else the channel's link, else the site's address.
     */
    String source() {
        return !blogUrl.isEmpty() ? blogUrl : !link.isEmpty() ? link : siteUrl;
    }

    /** The blog's language as the channel gives it ("de-DE"), or empty. */
    String language() {
        return language;
    }

    /** The blog's named time zone when the export carries one ({@code wp:timezone_string}), else empty. */
    String timeZone() {
        return timeZone;
    }

    int line() {
        return xml.getLocation() == null ? 0 : xml.getLocation().getLineNumber();
    }

    /** The next unit, or null at the end of the file. */
    Unit next() throws MalformedFile {
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = key();
                    if (!inChannel) {
                        if (name.equals("channel")) {
                            inChannel = true;
                            sawChannel = true;
                        } else if (!name.equals("rss")) {
                            throw new MalformedFile(line(),
                                    ImportRun.words().notAnExport(xml.getLocalName()));
                        }
                        continue;
                    }
                    int at = line();
                    switch (name) {
                        case "wp:author" -> {
                            Map<String, String> f = readFlat();
                            return new Author(at, number(f.get("wp:author_id")), f.getOrDefault("wp:author_login", ""),
                                    f.getOrDefault("wp:author_email", ""), f.getOrDefault("wp:author_display_name", ""));
                        }
                        case "wp:category" -> {
                            Map<String, String> f = readFlat();
                            return new Term(at, "category", f.getOrDefault("wp:category_nicename", ""),
                                    f.getOrDefault("wp:cat_name", ""), f.getOrDefault("wp:category_parent", ""),
                                    f.getOrDefault("wp:category_description", ""));
                        }
                        case "wp:tag" -> {
                            Map<String, String> f = readFlat();
                            return new Term(at, "post_tag", f.getOrDefault("wp:tag_slug", ""),
                                    f.getOrDefault("wp:tag_name", ""), "", f.getOrDefault("wp:tag_description", ""));
                        }
                        case "wp:term" -> {
                            Map<String, String> f = readFlat();
                            return new Term(at, f.getOrDefault("wp:term_taxonomy", ""), f.getOrDefault("wp:term_slug", ""),
                                    f.getOrDefault("wp:term_name", ""), f.getOrDefault("wp:term_parent", ""),
                                    f.getOrDefault("wp:term_description", ""));
                        }
                        case "item" -> {
                            return readItem(at);
                        }
                        case "wp:base_site_url" -> siteUrl = readText().strip();
                        case "wp:base_blog_url" -> blogUrl = readText().strip();
                        case "link" -> {
                            // the channel's own link comes first; an <image> may hold another one later
                            String text = readText().strip();
                            link = link.isEmpty() ? text : link;
                        }
                        case "wp:timezone_string", "qp:time-zone" -> timeZone = readText().strip();
                        case "language" -> language = readText().strip();
                        default -> {
                            // channel head (title, description, language, generator…): nothing to import
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && key().equals("channel")) {
                    inChannel = false;
                }
            }
            if (!sawChannel) {
                throw new MalformedFile(line(), ImportRun.words().noChannel());
            }
            return null;
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    private Item readItem(int at) throws XMLStreamException {
        Map<String, String> fields = new HashMap<>();
        List<ItemTerm> terms = new ArrayList<>();
        List<Map<String, String>> comments = new ArrayList<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = key();
                switch (name) {
                    case "wp:comment" -> comments.add(readFlat());
                    case "wp:postmeta" -> {
                        // kept as "meta:<key>" (an image's description, the blog's time zone…)
                        Map<String, String> meta = readFlat();
                        String metaKey = meta.getOrDefault("wp:meta_key", "").strip();
                        if (!metaKey.isEmpty()) {
                            fields.put("meta:" + metaKey, meta.getOrDefault("wp:meta_value", ""));
                        }
                    }
                    case "category" -> {
                        String domain = attribute("domain");
                        String nicename = attribute("nicename");
                        terms.add(new ItemTerm(domain, nicename, readText().strip()));
                    }
                    default -> fields.put(name, readText());
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return new Item(at, fields, terms, comments);
            }
        }
        throw new Unreadable(ImportRun.words().endsInItem(), xml.getLocation());
    }

    /** The text of every child of the current element, by qualified key; nested elements are flattened. */
    private Map<String, String> readFlat() throws XMLStreamException {
        Map<String, String> fields = new HashMap<>();
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = key();
                String text = readText();
                fields.putIfAbsent(name, text);
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        if (depth > 0) {
            throw new Unreadable(ImportRun.words().endsInElement(), xml.getLocation());
        }
        return fields;
    }

    /** The text of the current element, skipping any elements nested in it. */
    private String readText() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (depth == 1) {
                        text.append(xml.getText());
                    }
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new Unreadable(
                        ImportRun.words().entityRefused(xml.getLocalName()), xml.getLocation());
                default -> {
                }
            }
        }
        return text.toString();
    }

    private String attribute(String name) {
        String value = xml.getAttributeValue(null, name);
        return value == null ? "" : value.strip();
    }

    /**
     * The element's name with a fixed prefix for each namespace WordPress uses, whatever prefix the file
     * chose: "wp:" for every WXR version with http or https, "content:", "excerpt:", "dc:", "qp:".
     */
    private String key() {
        String ns = xml.getNamespaceURI();
        String local = xml.getLocalName();
        if (ns == null || ns.isEmpty()) {
            return local;
        }
        String uri = ns.replaceFirst("^https?://", "");
        if (uri.startsWith("wordpress.org/export/")) {
            return (uri.contains("/excerpt") ? "excerpt:" : "wp:") + local;
        }
        if (uri.startsWith("purl.org/rss/1.0/modules/content")) {
            return "content:" + local;
        }
        if (uri.startsWith("purl.org/dc/elements")) {
            return "dc:" + local;
        }
        if (ns.equals(WxrNames.QUILLPRESS_NS)) {
            return "qp:" + local;
        }
        return "other:" + local;
    }

    static long number(String text) {
        try {
            return text == null || text.isBlank() ? 0 : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * The parser's own words are in the server's language and name its internals, so the visitor reads where
     * the XML breaks in the site's language, and the operator finds the parser's words in the log.
     */
    private MalformedFile malformed(XMLStreamException e) {
        int line = e.getLocation() != null ? e.getLocation().getLineNumber() : line();
        if (e instanceof Unreadable unreadable) {
            return new MalformedFile(line, unreadable.words);
        }
        Log.infof("The WordPress export is not well-formed XML at line %d: %s", line, e.getMessage());
        int column = e.getLocation() != null ? Math.max(0, e.getLocation().getColumnNumber()) : 0;
        return new MalformedFile(line, ImportRun.words().notWellFormed(column));
    }

    /** What this reader refuses in a file the parser reads well, said in the site's language. */
    private static final class Unreadable extends XMLStreamException {
        final String words;

        Unreadable(String words, Location location) {
            super(words, location);
            this.words = words;
        }
    }

    @Override
    public void close() {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // nothing left to read either way
        }
    }
}
