package org.quillpress.feed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.Verifier;
import org.owasp.html.Encoding;
import org.quillpress.web.ImageRenditions;
import org.quillpress.web.Picture;
import org.quillpress.web.PublicUrls;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.Module;
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

/**
 * Writes every feed, of posts and of comments, as an Atom 1.0 or RSS 2.0 document: ROME builds the XML, which
 * is then written with each text exactly as it is and each piece of HTML as CDATA.
 */
@ApplicationScoped
public class FeedWriter {

    static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    static final String CONTENT_NS = "http://purl.org/rss/1.0/modules/content/";

    /** The two formats a feed is offered in, with the last part of their addresses after a listing's own. */
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

        /** {@code atom} or {@code rss}, whichever this format is. */
        <T> T pick(T atom, T rss) {
            return this == ATOM ? atom : rss;
        }
    }

    /**
     * What a feed is about: its title, a line on what it holds (optional in Atom), the page it mirrors and the
     * addresses of its Atom and RSS forms (site-relative paths; a feed offered in Atom only has no RSS path).
     */
    public record Channel(String title, String subtitle, String pagePath, String atomPath, String rssPath) {
        String selfPath(Format format) {
            return format.pick(atomPath, rssPath);
        }
    }

    @Inject
    PublicUrls urls;

    @Inject
    ImageRenditions images;

    /** A feed of posts, dated by the latest change among them. */
    public byte[] posts(Channel channel, List<FeedPost> posts, Format format) {
        // an empty feed still needs a date; a fixed one keeps its ETag stable until something is published
        Instant updated = posts.stream().map(FeedPost::lastChanged).max(Comparator.naturalOrder())
                .orElse(Instant.EPOCH);
        List<SyndEntry> entries = new ArrayList<>(posts.size());
        for (FeedPost post : posts) {
            entries.add(post(post, format));
        }
        return document(channel, updated, entries, format);
    }

    /** An Atom feed of comments, newest first, dated by the newest one ({@code whenEmpty} when there is none). */
    public byte[] comments(Channel channel, List<FeedComments.Row> comments, Instant whenEmpty) {
        List<SyndEntry> entries = new ArrayList<>(comments.size());
        for (FeedComments.Row c : comments) {
            // rendered by web.Markdown.renderComment and sanitized when the comment was saved
            String link = urls.of(c.postPath()) + "#comment-" + c.id();
            entries.add(entry(FeedTexts.commentBy(c.writer(), c.postTitle()), link,
                    tagUri(c.createdAt(), "comment-" + c.id(), link), c.createdAt(),
                    c.editedAt() != null ? c.editedAt() : c.createdAt(), c.writer(), c.bodyHtml(), Format.ATOM));
        }
        return document(channel, comments.isEmpty() ? whenEmpty : comments.get(0).createdAt(), entries, Format.ATOM);
    }

    /** The feed document in UTF-8. */
    private byte[] document(Channel channel, Instant updated, List<SyndEntry> entries, Format format) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(format.romeType);
        feed.setEncoding(StandardCharsets.UTF_8.name());
        feed.setGenerator("Quillpress");
        feed.setTitle(xmlText(channel.title()));
        // Atom's subtitle is optional, RSS's description is not
        if (channel.subtitle() != null && !channel.subtitle().isBlank()) {
            feed.setDescription(xmlText(channel.subtitle()));
        } else if (format == Format.RSS) {
            feed.setDescription(xmlText(channel.title()));
        }
        feed.setLink(urls.of(channel.pagePath()));
        // the Atom feed's own address names it in both formats, so the id never depends on the format asked for
        feed.setUri(urls.of(channel.atomPath()));
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
        feed.setEntries(entries);

        try {
            WireFeed wire = feed.createWireFeed();
            withoutDcDates(wire);
            if (wire instanceof com.rometools.rome.feed.rss.Channel rss) {
                // when the feed last changed, which readers and validators look for beside its pubDate
                rss.setLastBuildDate(Date.from(updated));
            }
            Document document = new WireFeedOutput().outputJDom(wire);
            if (format == Format.ATOM) {
                Xml.htmlAsCdata(document, Namespace.getNamespace(ATOM_NS), "content");
                return Xml.bytes(document);
            }
            Xml.htmlAsCdata(document, Namespace.NO_NAMESPACE, "description");
            Xml.htmlAsCdata(document, Namespace.getNamespace(CONTENT_NS), "encoded");
            return Xml.rssBytes(document);
        } catch (FeedException e) {
            throw new IllegalStateException("Could not write the " + format + " feed " + channel.atomPath(), e);
        }
    }

    /**
     * RSS 2.0 has its own {@code pubDate} and Atom its {@code published} and {@code updated}; ROME also copies each
     * date into a Dublin Core {@code dc:date}, which readers then see twice and validators flag. The Dublin Core
     * module stays for RSS's {@code dc:creator}.
     */
    private static void withoutDcDates(WireFeed wire) {
        clearDates(wire.getModule(DCModule.URI));
        if (wire instanceof com.rometools.rome.feed.rss.Channel rss) {
            rss.getItems().forEach(item -> clearDates(item.getModule(DCModule.URI)));
        } else if (wire instanceof com.rometools.rome.feed.atom.Feed atom) {
            atom.getEntries().forEach(entry -> clearDates(entry.getModule(DCModule.URI)));
        }
    }

    private static void clearDates(Module module) {
        if (module instanceof DCModule dc) {
            dc.setDates(new ArrayList<>());
        }
    }

    /**
     * What every entry has, a post's or a comment's: title, address, a stable id, its dates, who wrote it and
     * its HTML, whose site-relative links and images get the site's address (a reader shows it away from the site).
     */
    private SyndEntry entry(String title, String link, String id, Instant published, Instant updated,
            String authorName, String html, Format format) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setTitle(xmlText(title));
        entry.setLink(link);
        entry.setUri(id);
        entry.setPublishedDate(Date.from(published));
        entry.setUpdatedDate(Date.from(updated));
        if (format == Format.ATOM) {
            SyndPerson author = new SyndPersonImpl();
            author.setName(xmlText(authorName));
            entry.setAuthors(List.of(author));
        } else {
            // RSS's own <author> must be an email address, which is never shown: this becomes <dc:creator>
            entry.setAuthor(xmlText(authorName));
        }
        SyndContent content = new SyndContentImpl();
        content.setType("html");
        content.setValue(xmlText(AbsoluteLinks.in(html, urls.base())));
        entry.setContents(List.of(content));
        return entry;
    }

    private SyndEntry post(FeedPost post, Format format) {
        String link = urls.post(post.slug());
        SyndEntry entry = entry(post.title(), link, tagUri(post.createdAt(), "post-" + post.id(), link),
                // plain <img> (JPEG and PNG, which every feed reader shows), not the page's WebP pictures
                post.publishAt(), post.lastChanged(), post.authorName(), Picture.withoutWebp(post.bodyHtml()), format);

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
            // readers treat an RSS description as HTML, and the excerpt is plain text
            summary.setType(format.pick("text", "text/html"));
            summary.setValue(xmlText(format.pick(post.excerpt(), escapeHtml(post.excerpt()))));
            entry.setDescription(summary);
        }

        if (post.featuredMediaId() != null) {
            // the featured image as an enclosure: RSS's <enclosure> and Atom's <link rel="enclosure">, which
            // feed readers show as the entry's picture. RSS requires the linked file's size; an image whose size
            // the media sweep has not read yet (stored before sizes were kept) has no enclosure until it has
            images.featured(post.featuredMediaId()).filter(featured -> featured.largestSize() > 0)
                    .ifPresent(featured -> {
                        SyndEnclosure enclosure = new SyndEnclosureImpl();
                        enclosure.setUrl(urls.of(featured.largest()));
                        enclosure.setType(featured.mime());
                        enclosure.setLength(featured.largestSize());
                        entry.setEnclosures(List.of(enclosure));
                    });
        }
        return entry;
    }

    /**
     * A tag URI (RFC 4151) from what is written and its id: it stays the same when a slug or title changes, so
     * readers never show an edited post or comment twice. A site address without a host name gives {@code link}.
     */
    String tagUri(Instant created, String specific, String link) {
        String host = URI.create(urls.base()).getHost();
        if (host == null) {
            return link;
        }
        return "tag:" + host + "," + created.atZone(ZoneOffset.UTC).toLocalDate() + ":" + specific;
    }

    private static SyndLink link(String rel, String type, String href) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setType(type);
        link.setHref(href);
        return link;
    }

    private SyndCategory category(String name, String scheme) {
        SyndCategory category = new SyndCategoryImpl();
        category.setName(xmlText(name));
        category.setTaxonomyUri(scheme);
        return category;
    }

    /** {@code text} without the characters XML 1.0 cannot carry (most control characters), which a paste can bring. */
    static String xmlText(String text) {
        if (text == null || Verifier.checkCharacterData(text) == null) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(Verifier::isXMLCharacter).forEach(kept::appendCodePoint);
        return kept.toString();
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
