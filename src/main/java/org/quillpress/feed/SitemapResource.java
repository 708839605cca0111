package org.quillpress.feed;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.quillpress.feed.FeedPosts.Keyed;
import org.quillpress.web.PublicPage;
import org.quillpress.web.PublicUrls;

import io.quarkus.logging.Log;

/** What search engines read: robots.txt, and the sitemap of every public address it points to. */
@Path("/")
public class SitemapResource {

    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /**
     * The sitemap protocol allows at most 50,000 URLs (and 50 MB) per file. Past that a sitemap index
     * over several files is needed; until it exists, the sitemap stops at the limit and says so in the
     * log, because search engines reject a larger file as a whole.
     */
    static final int MAX_URLS = 50_000;

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

    @GET
    @PublicPage
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
     * Written while it is read: posts come in keyset pages of {@link FeedPosts#SITEMAP_PAGE} rows, so
     * memory stays flat however many there are.
     */
    @GET
    @PublicPage
    @Path("sitemap.xml")
    public Response sitemap() {
        Instant now = clock.instant();
        StreamingOutput body = out -> write(out, now);
        return Response.ok(body, "application/xml; charset=UTF-8")
                .header(HttpHeaders.CACHE_CONTROL, FeedResource.CACHE_CONTROL).build();
    }

    void write(OutputStream out, Instant now) throws IOException {
        BufferedOutputStream buffered = new BufferedOutputStream(out, 16 * 1024);
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(buffered, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(SITEMAP_NS);
            xml.writeStartElement(SITEMAP_NS, "urlset");
            xml.writeDefaultNamespace(SITEMAP_NS);
            UrlSet set = new UrlSet(xml);

            set.add(urls.home(), posts.latestChange(now));
            for (FeedPosts.PageLocation page : posts.pages(now)) {
                set.add(urls.of(page.path()), page.lastModified());
            }
            addPaged(set, (String last) -> posts.categoriesAfter(last == null ? "" : last, now), urls::category,
                    slug -> null);
            addPaged(set, (String last) -> posts.tagsAfter(last == null ? "" : last, now), urls::tag, slug -> null);
            addPaged(set, (Keyed last) -> posts.postsAfter(last == null ? 0 : last.id(), now),
                    post -> urls.post(post.location().slug()), post -> post.location().lastModified());
            if (set.dropped) {
                Log.warnf("The sitemap reached the protocol's limit of %d URLs; later ones were left out. "
                        + "A sitemap index is needed.", MAX_URLS);
            }

            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            buffered.flush();
        } catch (XMLStreamException e) {
            throw new IOException("Could not write the sitemap", e);
        }
    }

    /**
     * Adds every row of a keyset-paged query: {@code next} gives the page after a row (or the first page
     * for null). A page shorter than {@link FeedPosts#SITEMAP_PAGE} is the last one.
     */
    private static <T> void addPaged(UrlSet set, Function<T, List<T>> next, Function<T, String> loc,
            Function<T, Instant> lastModified) throws XMLStreamException {
        List<T> page = next.apply(null);
        while (!page.isEmpty()) {
            for (T row : page) {
                set.add(loc.apply(row), lastModified.apply(row));
            }
            if (page.size() < FeedPosts.SITEMAP_PAGE || set.dropped) {
                return;
            }
            page = next.apply(page.get(page.size() - 1));
        }
    }

    /** The urlset being written, counting towards {@link #MAX_URLS}. */
    private static final class UrlSet {
        private final XMLStreamWriter xml;
        private int count;
        private boolean dropped;

        UrlSet(XMLStreamWriter xml) {
            this.xml = xml;
        }

        /** Adds a URL, or notes that one was left out once the set is full. */
        void add(String loc, Instant lastModified) throws XMLStreamException {
            if (count >= MAX_URLS) {
                dropped = true;
                return;
            }
            count++;
            xml.writeStartElement(SITEMAP_NS, "url");
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
    }
}
