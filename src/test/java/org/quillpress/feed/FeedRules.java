package org.quillpress.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.microprofile.config.ConfigProvider;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import io.restassured.response.Response;

/**
 * The rules of the W3C feed validator that apply to our feeds, checked on a feed as a guest fetches it: every
 * feed test runs each feed address it reads through {@link #check}. Atom after RFC 4287, RSS after the RSS 2.0
 * specification and the validator's own advice (atom:link to itself, dates once, guids that say what they are).
 */
public final class FeedRules {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    static final String DC = "http://purl.org/dc/elements/1.1/";

    /** RFC 3339's date-time: a full date, "T", a full time and an offset (RFC 4287, 3.3). */
    private static final Pattern RFC_3339 = Pattern
            .compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");
    /** RFC 822 as RSS 2.0 asks for it, with the four-digit year the validator wants. */
    private static final Pattern RFC_822 = Pattern
            .compile("(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} (GMT|UTC|Z|[+-]\\d{4})");
    /** Characters XML 1.0 leaves out or the validator flags: C0 controls but tab and line ends, DEL and C1. */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]");
    /** An address in HTML: href, src or poster; srcset candidates are checked apart. */
    private static final Pattern HTML_ADDRESS = Pattern.compile("\\s(?:href|src|poster)=\"([^\"]*)\"");
    private static final Pattern HTML_SRCSET = Pattern.compile("\\ssrcset=\"([^\"]*)\"");
    /** A tag URI of ours (RFC 4151): the host, the day it was written, and what it is by id, never by slug. */
    /** A CDATA section, whose text is written as it is. */
    private static final Pattern CDATA = Pattern.compile("<!\\[CDATA\\[.*?]]>", Pattern.DOTALL);
    /** The text between two tags. */
    private static final Pattern TEXT = Pattern.compile(">([^<]+)<");
    private static final Pattern TAG_URI = Pattern.compile("tag:[^,]+,\\d{4}-\\d{2}-\\d{2}:(post|comment)-\\d+");

    private FeedRules() {
    }

    /** Fetches {@code path} as a guest, checks every rule of its format, and returns the feed's text. */
    public static String check(String path) {
        Response response = given().get(path).then().statusCode(200).extract().response();
        String type = response.contentType().replace(" ", "").toLowerCase(Locale.ROOT);
        byte[] bytes = response.asByteArray();
        String xml = utf8(bytes, path);
        assertThat(type).as(path).endsWith(";charset=utf-8");
        assertThat(xml).as(path).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        assertThat(CONTROL.matcher(xml).find()).as("%s has a control character", path).isFalse();
        Element root = parse(bytes, path).getDocumentElement();
        String self = siteUrl() + path;
        if (type.startsWith("application/atom+xml")) {
            atom(root, self);
        } else {
            assertThat(type).as(path).startsWith("application/rss+xml");
            rss(root, self);
            rssTextEscapes(xml, path);
        }
        return xml;
    }

    private static void atom(Element feed, String self) {
        assertThat(feed.getNamespaceURI()).as(self).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).as(self).isEqualTo("feed");
        // the feed's id: its Atom address, whichever format was asked for, so it never changes
        String id = text(only(feed, ATOM, "id"));
        assertThat(URI.create(id).isAbsolute()).as("feed id %s", id).isTrue();
        assertThat(id).as(self).isEqualTo(self);
        assertThat(text(only(feed, ATOM, "title"))).as(self).isNotBlank();
        rfc3339(only(feed, ATOM, "updated"));
        List<Element> selfLinks = links(feed, "self");
        assertThat(selfLinks).as("%s: one link to itself", self).hasSize(1);
        assertThat(selfLinks.get(0).getAttribute("href")).isEqualTo(self);
        assertThat(selfLinks.get(0).getAttribute("type")).isEqualTo("application/atom+xml");
        assertThat(links(feed, "alternate")).as("%s: its page", self)
                .anySatisfy(l -> assertThat(l.getAttribute("type")).isEqualTo("text/html"))
                .allSatisfy(l -> absolute(l.getAttribute("href")));
        boolean feedAuthor = !children(feed, ATOM, "author").isEmpty();
        assertThat(children(feed, DC, "date")).as("%s: dated once, by Atom's own dates", self).isEmpty();

        Set<String> ids = new HashSet<>();
        for (Element entry : children(feed, ATOM, "entry")) {
            String entryId = text(only(entry, ATOM, "id"));
            assertThat(entryId).as("a stable entry id").matches(TAG_URI);
            assertThat(ids.add(entryId)).as("entry id %s once", entryId).isTrue();
            assertThat(text(only(entry, ATOM, "title"))).as(entryId).isNotBlank();
            rfc3339(only(entry, ATOM, "updated"));
            children(entry, ATOM, "published").forEach(FeedRules::rfc3339);
            assertThat(children(entry, DC, "date")).as("%s: dated once, by Atom's own dates", entryId).isEmpty();
            if (!feedAuthor) {
                assertThat(text(only(only(entry, ATOM, "author"), ATOM, "name"))).as(entryId).isNotBlank();
            }
            assertThat(links(entry, "alternate")).as(entryId).hasSize(1)
                    .allSatisfy(l -> absolute(l.getAttribute("href")));
            for (Element enclosure : links(entry, "enclosure")) {
                media(enclosure.getAttribute("href"), enclosure.getAttribute("type"), enclosure.getAttribute("length"));
            }
            Element content = only(entry, ATOM, "content");
            assertThat(content.getAttribute("type")).as(entryId).isEqualTo("html");
            html(content, entryId);
            for (Element summary : children(entry, ATOM, "summary")) {
                assertThat(summary.getAttribute("type")).as(entryId).isIn("text", "html");
            }
            children(entry, ATOM, "category").forEach(c -> assertThat(c.getAttribute("term")).isNotBlank());
        }
    }

    private static void rss(Element rss, String self) {
        assertThat(rss.getLocalName()).as(self).isEqualTo("rss");
        assertThat(rss.getAttribute("version")).isEqualTo("2.0");
        Element channel = only(rss, null, "channel");
        assertThat(text(only(channel, null, "title"))).as(self).isNotBlank();
        absolute(text(only(channel, null, "link")));
        assertThat(text(only(channel, null, "description"))).as(self).isNotBlank();
        List<Element> selfLinks = children(channel, ATOM, "link").stream()
                .filter(l -> "self".equals(l.getAttribute("rel"))).toList();
        assertThat(selfLinks).as("%s: one atom:link to itself", self).hasSize(1);
        assertThat(selfLinks.get(0).getAttribute("href")).isEqualTo(self);
        assertThat(selfLinks.get(0).getAttribute("type")).isEqualTo("application/rss+xml");
        rfc822(only(channel, null, "lastBuildDate"));
        children(channel, null, "pubDate").forEach(FeedRules::rfc822);
        assertThat(children(channel, DC, "date")).as("%s: dated once, by RSS's own dates", self).isEmpty();

        Set<String> guids = new HashSet<>();
        for (Element item : children(channel, null, "item")) {
            String link = text(only(item, null, "link"));
            absolute(link);
            assertThat(text(only(item, null, "title"))).as(link).isNotBlank();
            rfc822(only(item, null, "pubDate"));
            assertThat(children(item, DC, "date")).as("%s: dated once, by its pubDate", link).isEmpty();
            assertThat(text(only(item, DC, "creator"))).as(link).isNotBlank();
            Element guid = only(item, null, "guid");
            String id = text(guid);
            assertThat(guids.add(id)).as("guid %s once", id).isTrue();
            if (id.startsWith("tag:")) {
                assertThat(id).matches(TAG_URI);
                assertThat(guid.getAttribute("isPermaLink")).as("%s is no address", id).isEqualTo("false");
            } else {
                // a guid without isPermaLink="false" claims to be the item's address
                absolute(id);
            }
            for (Element enclosure : children(item, null, "enclosure")) {
                media(enclosure.getAttribute("url"), enclosure.getAttribute("type"), enclosure.getAttribute("length"));
            }
            children(item, null, "description").forEach(d -> html(d, link));
            children(item, CONTENT, "encoded").forEach(e -> html(e, link));
            children(item, null, "category").forEach(c -> assertThat(text(c)).isNotBlank());
        }
    }

    /**
     * RSS never said whether a plain-text element holds text or HTML, so the validator warns on {@code &lt;} and
     * {@code &amp;} in one and asks for {@code &#x3C;} and {@code &#x26;}, which no reader takes for markup.
     */
    private static void rssTextEscapes(String xml, String path) {
        Matcher texts = TEXT.matcher(CDATA.matcher(xml).replaceAll("<![CDATA[]]>"));
        while (texts.find()) {
            assertThat(texts.group(1)).as("%s: text escaped as &#x3C; and &#x26;", path).doesNotContain("&lt;")
                    .doesNotContain("&amp;");
        }
    }

    /** HTML in a feed: written as CDATA (so it unescapes once, as in the page), with absolute addresses. */
    private static void html(Element element, String where) {
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            assertThat(n.getNodeType()).as("%s: %s is CDATA", where, element.getLocalName())
                    .isEqualTo(Node.CDATA_SECTION_NODE);
        }
        boolean based = element.hasAttributeNS("http://www.w3.org/XML/1998/namespace", "base");
        String html = element.getTextContent();
        Matcher addresses = HTML_ADDRESS.matcher(html);
        while (addresses.find()) {
            String address = addresses.group(1);
            if (!based && !address.startsWith("#")) {
                assertThat(URI.create(address.replace(" ", "%20")).isAbsolute())
                        .as("%s: %s is absolute (a reader shows it away from the site)", where, address).isTrue();
            }
        }
        Matcher sets = HTML_SRCSET.matcher(html);
        while (sets.find()) {
            for (String candidate : sets.group(1).split(",")) {
                String address = candidate.strip().split("\\s+")[0];
                assertThat(based || URI.create(address).isAbsolute()).as("%s: srcset %s", where, address).isTrue();
            }
        }
    }

    /**
     * An enclosure, Atom's or RSS's: an absolute address, a media type and the file's length in bytes (RSS 2.0
     * requires it; the validator flags a length of 0).
     */
    private static void media(String url, String type, String length) {
        absolute(url);
        assertThat(type).as(url).matches("[a-z]+/[a-z0-9.+-]+");
        assertThat(length).as(url).matches("\\d+");
        assertThat(Long.parseLong(length)).as("%s: its size in bytes", url).isPositive();
    }

    private static void absolute(String address) {
        URI uri = URI.create(address.strip());
        assertThat(uri.isAbsolute()).as("absolute address %s", address).isTrue();
        assertThat(uri.getScheme()).as(address).isIn("http", "https");
        assertThat(address).startsWith(siteUrl());
    }

    private static void rfc3339(Element date) {
        String text = text(date);
        assertThat(text).as("RFC 3339 date").matches(RFC_3339);
        assertThat(OffsetDateTime.parse(text)).isNotNull();
    }

    private static void rfc822(Element date) {
        String text = text(date);
        assertThat(text).as("RFC 822 date with a four-digit year").matches(RFC_822);
        assertThat(ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)).isNotNull();
    }

    private static List<Element> links(Element parent, String rel) {
        // a link without rel is an alternate one (RFC 4287, 4.2.7.2)
        return children(parent, ATOM, "link").stream()
                .filter(l -> rel.equals(l.getAttribute("rel").isEmpty() ? "alternate" : l.getAttribute("rel")))
                .toList();
    }

    /** The child elements {@code name} in {@code namespace} (null: no namespace). */
    private static List<Element> children(Element parent, String namespace, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())
                    && (namespace == null ? e.getNamespaceURI() == null : namespace.equals(e.getNamespaceURI()))) {
                found.add(e);
            }
        }
        return found;
    }

    private static Element only(Element parent, String namespace, String name) {
        List<Element> found = children(parent, namespace, name);
        assertThat(found).as("one %s in %s", name, parent.getLocalName()).hasSize(1);
        return found.get(0);
    }

    private static String text(Element element) {
        return element.getTextContent().strip();
    }

    private static String utf8(byte[] bytes, String path) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError(path + " is not UTF-8", e);
        }
    }

    private static Document parse(byte[] bytes, String path) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            throw new AssertionError(path + " is not well-formed XML", e);
        }
    }

    private static String siteUrl() {
        return ConfigProvider.getConfig().getValue("quillpress.site-url", String.class).replaceAll("/+$", "");
    }
}
