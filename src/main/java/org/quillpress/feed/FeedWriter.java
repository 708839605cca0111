package org.quillpress.feed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jdom2.Element;
import org.jdom2.Namespace;
import org.owasp.html.Encoding;
import org.quillpress.web.ImageRenditions;
import org.quillpress.web.Picture;
import org.quillpress.web.PublicUrls;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;

/** Writes a list of posts as an Atom 1.0 or RSS 2.0 document, with ROME doing all the XML. */
@ApplicationScoped
public class FeedWriter {

    static final String ATOM_NS = "http://www.w3.org/2005/Atom";

    /** The two formats every feed is offered in. */
    public enum Format {
        ATOM("atom_1.0", "application/atom+xml; charset=UTF-8"),
        RSS("rss_2.0", "application/rss+xml; charset=UTF-8");

        final String romeType;
        final String contentType;

        Format(String romeType, String contentType) {
            this.romeType = romeType;
            this.contentType = contentType;
        }

        public String contentType() {
            return contentType;
        }
    }

    /**
     * What a feed is about: its title, a line on what it holds, the page it mirrors and the addresses of
     * its Atom and RSS forms (site-relative paths).
     */
    public record Channel(String title, String subtitle, String pagePath, String atomPath, String rssPath) {
        String selfPath(Format format) {
            return format == Format.ATOM ? atomPath : rssPath;
        }
    }

    @Inject
    PublicUrls urls;

    @Inject
    ImageRenditions images;

    /** The feed document in UTF-8. */
    public byte[] write(Channel channel, List<FeedPost> posts, Format format) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(format.romeType);
        feed.setEncoding(StandardCharsets.UTF_8.name());
        feed.setGenerator("Quillpress");
        feed.setTitle(channel.title());
        feed.setDescription(channel.subtitle());
        feed.setLink(urls.of(channel.pagePath()));
        // the Atom feed's own address names it in both formats, so the id never depends on the format asked for
        feed.setUri(urls.of(channel.atomPath()));
        // an empty feed still needs a date; a fixed one keeps its ETag stable until something is published
        Instant updated = posts.stream().map(FeedPost::lastChanged).max(Comparator.naturalOrder())
                .orElse(Instant.EPOCH);
        feed.setPublishedDate(Date.from(updated));

        String self = urls.of(channel.selfPath(format));
        if (format == Format.ATOM) {
            feed.setLinks(new ArrayList<>(List.of(link("alternate", "text/html", feed.getLink()),
                    link("self", "application/atom+xml", self))));
        } else {
            // RSS has no self link of its own; validators and WebSub hubs look for Atom's
            Element atomSelf = new Element("link", Namespace.getNamespace("atom", ATOM_NS));
            atomSelf.setAttribute("href", self);
            atomSelf.setAttribute("rel", "self");
            atomSelf.setAttribute("type", "application/rss+xml");
            feed.getForeignMarkup().add(atomSelf);
        }

        List<SyndEntry> entries = new ArrayList<>(posts.size());
        for (FeedPost post : posts) {
            entries.add(entry(post, format));
        }
        feed.setEntries(entries);

        try {
            WireFeed wire = feed.createWireFeed();
            if (wire instanceof com.rometools.rome.feed.rss.Channel rss) {
                withoutDcDates(rss);
            }
            return Xml.bytes(new WireFeedOutput().outputJDom(wire));
        } catch (FeedException e) {
            throw new IllegalStateException("Could not write the " + format + " feed " + channel.atomPath(), e);
        }
    }

    /**
     * RSS 2.0 has its own {@code pubDate}; ROME also copies each date into a Dublin Core {@code dc:date}, which
     * readers then see twice and validators flag. The Dublin Core module stays for {@code dc:creator}.
     */
    private static void withoutDcDates(com.rometools.rome.feed.rss.Channel rss) {
        clearDates(rss.getModule(DCModule.URI));
        for (Item item : rss.getItems()) {
            clearDates(item.getModule(DCModule.URI));
        }
    }

    private static void clearDates(Module module) {
        if (module instanceof DCModule dc) {
            dc.setDates(new ArrayList<>());
        }
    }

    private SyndEntry entry(FeedPost post, Format format) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setTitle(post.title());
        entry.setLink(urls.post(post.slug()));
        entry.setUri(entryId(post));
        entry.setPublishedDate(Date.from(post.publishAt()));
        entry.setUpdatedDate(Date.from(post.lastChanged()));
        if (format == Format.ATOM) {
            SyndPerson author = new SyndPersonImpl();
            author.setName(post.authorName());
            entry.setAuthors(List.of(author));
        } else {
            // RSS's own <author> must be an email address, which is never shown: this becomes <dc:creator>
            entry.setAuthor(post.authorName());
        }

        List<SyndCategory> categories = new ArrayList<>();
        for (FeedPost.Term term : post.categories()) {
            categories.add(category(term.name(), urls.of("/categories/")));
        }
        for (FeedPost.Term tag : post.tags()) {
            categories.add(category(tag.name(), urls.of("/tags/")));
        }
        entry.setCategories(categories);

        if (post.excerpt() != null && !post.excerpt().isBlank()) {
            SyndContent summary = new SyndContentImpl();
            if (format == Format.ATOM) {
                summary.setType("text");
                summary.setValue(post.excerpt());
            } else {
                // readers treat an RSS description as HTML, and the excerpt is plain text
                summary.setType("text/html");
                summary.setValue(escapeHtml(post.excerpt()));
            }
            entry.setDescription(summary);
        }

        SyndContent content = new SyndContentImpl();
        content.setType("html");
        // feed readers show the entry away from the site: its links and images need the site's address
        // and plain <img>: JPEG and PNG, which every reader shows
        content.setValue(AbsoluteLinks.in(Picture.withoutWebp(post.bodyHtml()), urls.base()));
        entry.setContents(List.of(content));

        if (post.featuredMediaId() != null) {
            // the featured image as an enclosure: RSS's <enclosure> and Atom's <link rel="enclosure">, which
            // feed readers show as the entry's picture; its length is not known here, and 0 is the custom then
            images.featured(post.featuredMediaId()).ifPresent(featured -> {
                SyndEnclosure enclosure = new SyndEnclosureImpl();
                enclosure.setUrl(urls.of(featured.largest()));
                enclosure.setType(featured.mime());
                enclosure.setLength(0);
                entry.setEnclosures(List.of(enclosure));
            });
        }
        return entry;
    }

    /**
     * A tag URI (RFC 4151) from the post's id: it stays the same when the slug or title changes, so
     * readers never show an edited post twice.
     */
    String entryId(FeedPost post) {
        String host = URI.create(urls.base()).getHost();
        if (host == null) {
            return urls.post(post.slug());
        }
        LocalDate created = post.createdAt().atZone(ZoneOffset.UTC).toLocalDate();
        return "tag:" + host + "," + created + ":post-" + post.id();
    }

    private static SyndLink link(String rel, String type, String href) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setType(type);
        link.setHref(href);
        return link;
    }

    private static SyndCategory category(String name, String scheme) {
        SyndCategory category = new SyndCategoryImpl();
        category.setName(name);
        category.setTaxonomyUri(scheme);
        return category;
    }

    private static String escapeHtml(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        try {
            Encoding.encodeRcdataOnto(text, out);
        } catch (IOException e) {
            // a StringBuilder never fails to append
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
