package org.quillpress.feed;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiFunction;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.jboss.resteasy.reactive.RestPath;
import org.quillpress.QuillpressConfig;
import org.quillpress.feed.FeedPosts.Keyed;
import org.quillpress.feed.FeedPosts.SitemapFile;
import org.quillpress.post.PostKind;
import org.quillpress.web.PublicPage;
import org.quillpress.web.PublicUrls;

/** What search engines read: robots.txt, and the sitemap of every public address it points to. */
@Path("/")
public class SitemapResource {

    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /** The sitemap protocol allows at most 50,000 URLs (and 50 MB) per file. */
    static final int MAX_URLS = 50_000;

    /** What a sitemap file lists, in the order the sitemap lists them; its name is the middle of the file's address. */
    enum Kind {
        PAGES,
        POSTS,
        CATEGORIES,
        TAGS;

        String fileName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Robots rules match by prefix, so "Disallow: /write" would also hide a page at /writers-guide.
     * Each private area is closed as the address itself ($ anchors it, RFC 9309), its sub-paths and
     * the address with a query.
     */
    static final List<String> PRIVATE = List.of("/admin", "/account", "/write", "/moderation", "/login", "/setup");

    @Inject
    FeedPosts posts;

    @Inject
    PublicUrls urls;

    @Inject
    Clock clock;

    @Inject
    QuillpressConfig config;

    @GET
    @PublicPage(everyone = true)
    @Path("robots.txt")
    public Response robots() {
        List<String> lines = new ArrayList<>();
        lines.add("User-agent: *");
        lines.add("Allow: /");
        for (String path : PRIVATE) {
            lines.add("Disallow: " + path + "$");
            lines.add("Disallow: " + path + "/");
            lines.add("Disallow: " + path + "?");
        }
        lines.add("Disallow: /api/");
        lines.add("");
        lines.add("Sitemap: " + urls.of("/sitemap.xml"));
        return Response.ok(String.join("\n", lines) + "\n", "text/plain; charset=UTF-8")
                .header(HttpHeaders.CACHE_CONTROL, FeedResource.CACHE_CONTROL).build();
    }

    /**
     * The sitemap: while the whole site fits in one file (home, pages, posts, categories and tags, at most the
     * configured URLs per file), that file itself; beyond it, the index of every file that holds at least one
     * address, with the last change of its posts or pages (tag and category files have none: the protocol makes
     * lastmod optional). Four statements, each read from an index, whatever the size of the site; the one file
     * adds one per kind it lists (two for pages).
     */
    @GET
    @PublicPage(everyone = true)
    @Path("sitemap.xml")
    public Response sitemap() {
        Instant now = clock.instant();
        int width = width();
        Map<Long, SitemapFile> postFiles = posts.postFiles(PostKind.POST, width, now);
        // the pages files keep one line of their width for the home page, which opens the first one
        Map<Long, SitemapFile> pageFiles = new TreeMap<>(posts.postFiles(PostKind.PAGE, width - 1, now));
        Instant home = postFiles.values().stream().map(SitemapFile::lastModified).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        Map<Long, SitemapFile> categoryFiles = posts.categoryFiles(width, now);
        Map<Long, SitemapFile> tagFiles = posts.tagFiles(width, now);
        Map<Kind, Map<Long, SitemapFile>> files = new EnumMap<>(Kind.class);
        files.put(Kind.PAGES, pageFiles);
        files.put(Kind.POSTS, postFiles);
        files.put(Kind.CATEGORIES, categoryFiles);
        files.put(Kind.TAGS, tagFiles);
        long addresses = 1 + files.values().stream().flatMap(f -> f.values().stream()).mapToLong(SitemapFile::urls)
                .sum();
        if (addresses <= width) {
            return xml(out -> write(out, "urlset", "the sitemap", document -> {
                document.entry("url", urls.home(), home);
                for (Map.Entry<Kind, Map<Long, SitemapFile>> kind : files.entrySet()) {
                    if (!kind.getValue().isEmpty()) {
                        BiFunction<Long, Long, List<Keyed>> all = query(kind.getKey(), now);
                        list(document, all, all.apply(0L, Long.MAX_VALUE), Long.MAX_VALUE);
                    }
                }
            }));
        }
        SitemapFile first = pageFiles.get(1L);
        pageFiles.put(1L, new SitemapFile(first == null ? 0 : first.urls(),
                FeedPosts.later(first == null ? null : first.lastModified(), home)));
        return xml(out -> write(out, "sitemapindex", "the sitemap index", document -> {
            for (Map.Entry<Kind, Map<Long, SitemapFile>> kind : files.entrySet()) {
                for (Map.Entry<Long, SitemapFile> f : kind.getValue().entrySet()) {
                    document.entry("sitemap", file(kind.getKey(), f.getKey()), f.getValue().lastModified());
                }
            }
        }));
    }

    /**
     * One file of a sitemap index: the addresses of one kind with an id in the file's range, written while they
     * are read, in keyset pages of {@link FeedPosts#SITEMAP_PAGE} rows, so memory stays flat. A file without any
     * address answers 404 (except the first pages file, which always holds the home page).
     */
    @GET
    @PublicPage(everyone = true)
    @Path("sitemap-{kind: posts|pages|tags|categories}-{number: [1-9][0-9]{0,8}}.xml")
    public Response file(@RestPath String kind, @RestPath int number) {
        Instant now = clock.instant();
        Kind which = Kind.valueOf(kind.toUpperCase(Locale.ROOT));
        int width = which == Kind.PAGES ? width() - 1 : width();
        long first = (long) (number - 1) * width;
        long last = (long) number * width;
        BiFunction<Long, Long, List<Keyed>> query = query(which, now);
        boolean withHome = which == Kind.PAGES && number == 1;
        // read before the answer starts, so that an empty file can still be a 404
        List<Keyed> firstRows = query.apply(first, last);
        if (firstRows.isEmpty() && !withHome) {
            throw new NotFoundException();
        }
        Instant homeChange = withHome ? posts.latestChange(now) : null;
        return xml(out -> write(out, "urlset", "the sitemap file " + kind + "-" + number, document -> {
            if (withHome) {
                document.entry("url", urls.home(), homeChange);
            }
            list(document, query, firstRows, last);
        }));
    }

    /** The visible addresses of one kind with an id in ({@code after}, {@code last}], by id, as sitemap lines. */
    private BiFunction<Long, Long, List<Keyed>> query(Kind kind, Instant now) {
        return switch (kind) {
            case POSTS -> (after, last) -> posts.postsBetween(after, last, now);
            case PAGES -> (after, last) -> posts.pagesBetween(after, last, now);
            case TAGS -> (after, last) -> posts.tagsBetween(after, last, now);
            case CATEGORIES -> (after, last) -> posts.categoriesBetween(after, last, now);
        };
    }

    /** Writes {@code rows}, the first page {@code query} found, then the next pages up to the id {@code last}. */
    private void list(Document document, BiFunction<Long, Long, List<Keyed>> query, List<Keyed> firstRows, long last)
            throws XMLStreamException {
        for (List<Keyed> rows = firstRows; !rows.isEmpty(); rows = query.apply(rows.get(rows.size() - 1).id(), last)) {
            for (Keyed row : rows) {
                document.entry("url", urls.of(row.location().path()), row.location().lastModified());
            }
            if (rows.size() < FeedPosts.SITEMAP_PAGE) {
                break;
            }
        }
    }

    /** The address of a sitemap file. */
    private String file(Kind kind, long number) {
        return urls.of("/sitemap-" + kind.fileName() + "-" + number + ".xml");
    }

    /** Addresses per file: the setting, within the protocol's limit (and at least two, the home page and one). */
    private int width() {
        return Math.max(2, Math.min(MAX_URLS, config.sitemap().urlsPerFile()));
    }

    /** What goes into a sitemap document being written. */
    private interface Lines {
        void into(Document document) throws XMLStreamException;
    }

    /** Writes a sitemap document, a {@code urlset} or a {@code sitemapindex}. */
    private static void write(OutputStream out, String root, String what, Lines lines) throws IOException {
        try {
            Document document = new Document(out, root);
            lines.into(document);
            document.close();
        } catch (XMLStreamException e) {
            throw new IOException("Could not write " + what, e);
        }
    }

    private static Response xml(StreamingOutput body) {
        return Response.ok(body, "application/xml; charset=UTF-8")
                .header(HttpHeaders.CACHE_CONTROL, FeedResource.CACHE_CONTROL).build();
    }

    /** A sitemap or sitemap index being written: a root element and its entries of loc and lastmod. */
    private static final class Document {
        private final BufferedOutputStream buffered;
        private final XMLStreamWriter xml;

        Document(OutputStream out, String root) throws XMLStreamException {
            buffered = new BufferedOutputStream(out, 16 * 1024);
            xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(buffered, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(SITEMAP_NS);
            xml.writeStartElement(SITEMAP_NS, root);
            xml.writeDefaultNamespace(SITEMAP_NS);
        }

        void entry(String element, String loc, Instant lastModified) throws XMLStreamException {
            xml.writeStartElement(SITEMAP_NS, element);
            xml.writeStartElement(SITEMAP_NS, "loc");
            xml.writeCharacters(loc);
            xml.writeEndElement();
            if (lastModified != null) {
                xml.writeStartElement(SITEMAP_NS, "lastmod");
                // W3C Datetime, as the protocol asks; seconds are plenty for a crawler
                xml.writeCharacters(lastModified.truncatedTo(ChronoUnit.SECONDS).toString());
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }

        void close() throws XMLStreamException, IOException {
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            buffered.flush();
        }
    }
}
