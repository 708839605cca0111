package org.quillpress.wxr;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.quillpress.account.Account;
import org.quillpress.comment.Comment;
import org.quillpress.comment.CommentStatus;
import org.quillpress.post.Category;
import org.quillpress.post.Post;
import org.quillpress.post.PostKind;
import org.quillpress.post.PostStatus;
import org.quillpress.post.Tag;
import org.quillpress.site.SiteSetting;
import org.quillpress.site.SiteSettings;
import org.quillpress.web.BodyFormat;
import org.quillpress.web.PublicUrls;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The whole site, written as it is read: a WordPress export (WXR 1.2, which WordPress's importer
 * accepts) or a JSON dump. Posts are read a page at a time, each page in a short transaction of its own,
 * so memory does not grow with the site. Both hold private data (emails, addresses): admins only.
 */
@ApplicationScoped
public class WxrExporter {

    static final int PAGE = 100;

    /** The post meta that names a post's main category, so that it survives a trip through WordPress. */
    static final String MAIN_CATEGORY_META = "_quillpress_main_category";
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    @Inject
    ExportedAttachments attachments;

    @Inject
    SiteSettings settings;

    @Inject
    PublicUrls urls;

    @Inject
    Clock clock;

    @Inject
    ImportedPosts importedPosts;

    // --- WXR -------------------------------------------------------------------------------------------------

    /** Writes the site as WXR 1.2 to {@code out}. */
    public void writeWxr(OutputStream out) {
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("rss");
            w.writeAttribute("version", "2.0");
            w.writeNamespace("excerpt", WxrNames.EXCERPT_NS);
            w.writeNamespace("content", WxrNames.CONTENT_NS);
            w.writeNamespace("wfw", WxrNames.WFW_NS);
            w.writeNamespace("dc", WxrNames.DC_NS);
            w.writeNamespace("wp", WxrNames.WP_NS);
            w.writeNamespace("qp", WxrNames.QUILLPRESS_NS);
            w.writeStartElement("channel");
            SiteSettings.Site site = settings.current();
            text(w, null, "title", site.title());
            text(w, null, "link", urls.base());
            text(w, null, "description", site.tagline());
            text(w, null, "language", "en");
            text(w, WxrNames.WP_NS, "wxr_version", "1.2");
            text(w, WxrNames.WP_NS, "base_site_url", urls.base());
            text(w, WxrNames.WP_NS, "base_blog_url", urls.base());
            ZoneId zone = QuarkusTransaction.requiringNew().call(WxrExporter::siteZone);
            text(w, WxrNames.QUILLPRESS_NS, "time-zone", zone.getId());
            DateTimeFormatter local = WxrNames.DATE.withZone(zone);
            inTransaction(() -> {
                for (Account a : Account.<Account> list("id in (select p.author.id from Post p) order by id")) {
                    element(w, WxrNames.WP_NS, "author", () -> {
                        text(w, WxrNames.WP_NS, "author_id", a.id.toString());
                        cdata(w, WxrNames.WP_NS, "author_login", a.handle);
                        cdata(w, WxrNames.WP_NS, "author_email", a.email == null ? "" : a.email);
                        cdata(w, WxrNames.WP_NS, "author_display_name", a.displayName);
                    });
                }
                for (Category c : Category.<Category> list("from Category c left join fetch c.parent order by c.id")) {
                    element(w, WxrNames.WP_NS, "category", () -> {
                        text(w, WxrNames.WP_NS, "term_id", c.id.toString());
                        cdata(w, WxrNames.WP_NS, "category_nicename", c.slug);
                        cdata(w, WxrNames.WP_NS, "category_parent", c.parent == null ? "" : c.parent.slug);
                        cdata(w, WxrNames.WP_NS, "cat_name", c.name);
                        cdata(w, WxrNames.WP_NS, "category_description", c.description == null ? "" : c.description);
                    });
                }
                for (Tag t : Tag.<Tag> list("order by id")) {
                    element(w, WxrNames.WP_NS, "tag", () -> {
                        text(w, WxrNames.WP_NS, "term_id", t.id.toString());
                        cdata(w, WxrNames.WP_NS, "tag_slug", t.slug);
                        cdata(w, WxrNames.WP_NS, "tag_name", t.name);
                    });
                }
            });
            text(w, null, "generator", "Quillpress");
            ExportedAttachments.Numbering numbering = attachments.numbering();
            eachPost((post, comments) -> item(w, post, comments, local, numbering));
            attachments.write(w, numbering, local);
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.flush();
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    /** The site's time zone, in which WordPress's local dates (post_date, comment_date) are written. */
    private static ZoneId siteZone() {
        try {
            return SiteSetting.get(WxrImporter.TIME_ZONE_SETTING).map(ZoneId::of).orElse(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private void item(XMLStreamWriter w, Post p, List<Comment> comments, DateTimeFormatter local,
            ExportedAttachments.Numbering numbering) {
        element(w, null, "item", () -> {
            // WordPress titles and excerpts are HTML: plain text goes in escaped once, and comes back the same
            cdata(w, null, "title", escapeTitle(p.title));
            text(w, null, "link", urls.of(p.path()));
            Instant date = p.publishAt != null ? p.publishAt : p.createdAt;
            text(w, null, "pubDate", RFC_1123.format(date));
            cdata(w, WxrNames.DC_NS, "creator", p.author.handle);
            element(w, null, "guid", () -> {
                attribute(w, "isPermaLink", "false");
                characters(w, urls.base() + "/?p=" + p.id);
            });
            text(w, null, "description", "");
            cdata(w, WxrNames.CONTENT_NS, "encoded", numbering.body(p));
            // an excerpt derived from the body stays derived: written out, WordPress would take it for the author's
            cdata(w, WxrNames.EXCERPT_NS, "encoded",
                    p.excerpt == null || p.excerpt.equals(importedPosts.derivedExcerpt(p)) ? "" : escapeHtml(p.excerpt));
            if (p.bodyFormat == BodyFormat.MARKDOWN) {
                cdata(w, WxrNames.QUILLPRESS_NS, "markdown", p.bodyMarkdown);
            }
            text(w, WxrNames.WP_NS, "post_id", p.id.toString());
            text(w, WxrNames.WP_NS, "post_date", local.format(date));
            text(w, WxrNames.WP_NS, "post_date_gmt", p.status == PostStatus.DRAFT ? "0000-00-00 00:00:00"
                    : WxrNames.DATE.format(date));
            text(w, WxrNames.WP_NS, "comment_status", p.commentsOpen ? "open" : "closed");
            text(w, WxrNames.WP_NS, "ping_status", "closed");
            cdata(w, WxrNames.WP_NS, "post_name", p.slug);
            text(w, WxrNames.WP_NS, "status", switch (p.status) {
                case DRAFT -> "draft";
                case SCHEDULED -> "future";
                case PUBLISHED -> "publish";
                case TRASHED -> "trash";
            });
            text(w, WxrNames.WP_NS, "post_parent", p.parent == null ? "0" : p.parent.id.toString());
            text(w, WxrNames.WP_NS, "menu_order", Integer.toString(p.menuOrder));
            text(w, WxrNames.WP_NS, "post_type", p.kind == PostKind.PAGE ? "page" : "post");
            text(w, WxrNames.WP_NS, "post_password", "");
            text(w, WxrNames.WP_NS, "is_sticky", p.sticky ? "1" : "0");
            for (Category c : p.categories) {
                term(w, "category", c.slug, c.name);
            }
            for (Tag t : p.tags) {
                term(w, "post_tag", t.slug, t.name);
            }
            if (p.categories.size() > 1) {
                // WordPress keeps no order of a post's categories (its export sorts them), but keeps its meta
                element(w, WxrNames.WP_NS, "postmeta", () -> {
                    cdata(w, WxrNames.WP_NS, "meta_key", MAIN_CATEGORY_META);
                    cdata(w, WxrNames.WP_NS, "meta_value", p.category.slug);
                });
            }
            for (Comment c : comments) {
                element(w, WxrNames.WP_NS, "comment", () -> {
                    text(w, WxrNames.WP_NS, "comment_id", c.id.toString());
                    cdata(w, WxrNames.WP_NS, "comment_author", c.authorName);
                    cdata(w, WxrNames.WP_NS, "comment_author_email", c.authorEmail == null ? "" : c.authorEmail);
                    text(w, WxrNames.WP_NS, "comment_author_url", c.authorUrl == null ? "" : c.authorUrl);
                    text(w, WxrNames.WP_NS, "comment_author_IP", c.clientAddress == null ? "" : c.clientAddress);
                    text(w, WxrNames.WP_NS, "comment_date", local.format(c.createdAt));
                    text(w, WxrNames.WP_NS, "comment_date_gmt", WxrNames.DATE.format(c.createdAt));
                    cdata(w, WxrNames.WP_NS, "comment_content",
                            c.bodyFormat == BodyFormat.WORDPRESS ? c.bodyMarkdown : c.bodyHtml);
                    text(w, WxrNames.WP_NS, "comment_approved", approved(c.status));
                    text(w, WxrNames.WP_NS, "comment_type", "comment");
                    text(w, WxrNames.WP_NS, "comment_parent", c.parent == null ? "0" : c.parent.id.toString());
                    text(w, WxrNames.WP_NS, "comment_user_id", "0");
                    if (c.bodyFormat == BodyFormat.MARKDOWN) {
                        cdata(w, WxrNames.QUILLPRESS_NS, "markdown", c.bodyMarkdown);
                    }
                });
            }
        });
    }

    static String approved(CommentStatus status) {
        return switch (status) {
            case APPROVED -> "1";
            case PENDING -> "0";
            case SPAM -> "spam";
            case TRASH -> "trash";
        };
    }

    private static void term(XMLStreamWriter w, String domain, String slug, String name) {
        element(w, null, "category", () -> {
            attribute(w, "domain", domain);
            attribute(w, "nicename", slug);
            cdataText(w, escapeHtml(name));
        });
    }

    // --- JSON ------------------------------------------------------------------------------------------------

    /** Writes the site as the JSON dump described in the README to {@code out}. */
    public void writeJson(OutputStream out) {
        try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("format", "quillpress-export");
            json.writeNumberField("version", 1);
            json.writeStringField("exportedAt", clock.instant().toString());
            SiteSettings.Site site = settings.current();
            json.writeObjectFieldStart("site");
            json.writeStringField("title", site.title());
            json.writeStringField("tagline", site.tagline());
            json.writeStringField("url", urls.base());
            json.writeEndObject();
            inTransaction(() -> {
                try {
                    json.writeArrayFieldStart("authors");
                    for (Account a : Account.<Account> list("id in (select p.author.id from Post p) order by id")) {
                        json.writeStartObject();
                        json.writeNumberField("id", a.id);
                        json.writeStringField("handle", a.handle);
                        json.writeStringField("displayName", a.displayName);
                        json.writeStringField("email", a.email);
                        json.writeStringField("bio", a.bio);
                        json.writeStringField("website", a.website);
                        json.writeEndObject();
                    }
                    json.writeEndArray();
                    json.writeArrayFieldStart("categories");
                    for (Category c : Category.<Category> list("from Category c left join fetch c.parent order by c.id")) {
                        json.writeStartObject();
                        json.writeStringField("slug", c.slug);
                        json.writeStringField("name", c.name);
                        json.writeStringField("description", c.description);
                        json.writeStringField("parent", c.parent == null ? null : c.parent.slug);
                        json.writeEndObject();
                    }
                    json.writeEndArray();
                    json.writeArrayFieldStart("tags");
                    for (Tag t : Tag.<Tag> list("order by id")) {
                        json.writeStartObject();
                        json.writeStringField("slug", t.slug);
                        json.writeStringField("name", t.name);
                        json.writeEndObject();
                    }
                    json.writeEndArray();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            json.writeArrayFieldStart("posts");
            eachPost((p, comments) -> {
                try {
                    json.writeStartObject();
                    json.writeNumberField("id", p.id);
                    json.writeStringField("kind", p.kind.name());
                    json.writeStringField("slug", p.slug);
                    json.writeStringField("title", p.title);
                    json.writeStringField("status", p.status.name());
                    json.writeStringField("publishAt", p.publishAt == null ? null : p.publishAt.toString());
                    json.writeStringField("createdAt", p.createdAt.toString());
                    json.writeStringField("updatedAt", p.updatedAt.toString());
                    json.writeStringField("author", p.author.handle);
                    json.writeStringField("category", p.category == null ? null : p.category.slug);
                    json.writeArrayFieldStart("categories");
                    for (Category c : p.categories) {
                        json.writeString(c.slug);
                    }
                    json.writeEndArray();
                    json.writeArrayFieldStart("tags");
                    for (Tag t : p.tags) {
                        json.writeString(t.slug);
                    }
                    json.writeEndArray();
                    json.writeStringField("parent", p.parent == null ? null : p.parent.slug);
                    json.writeNumberField("menuOrder", p.menuOrder);
                    json.writeBooleanField("commentsOpen", p.commentsOpen);
                    json.writeBooleanField("sticky", p.sticky);
                    json.writeStringField("excerpt", p.excerpt);
                    json.writeStringField("bodyFormat", p.bodyFormat.name());
                    json.writeStringField("body", p.bodyMarkdown);
                    json.writeStringField("bodyHtml", p.bodyHtml);
                    json.writeArrayFieldStart("comments");
                    for (Comment c : comments) {
                        json.writeStartObject();
                        json.writeNumberField("id", c.id);
                        if (c.parent == null) {
                            json.writeNullField("parent");
                        } else {
                            json.writeNumberField("parent", c.parent.id);
                        }
                        json.writeStringField("status", c.status.name());
                        json.writeStringField("authorName", c.authorName);
                        json.writeStringField("authorEmail", c.authorEmail);
                        json.writeStringField("authorUrl", c.authorUrl);
                        json.writeStringField("account", c.account == null ? null : c.account.handle);
                        json.writeStringField("createdAt", c.createdAt.toString());
                        json.writeStringField("bodyFormat", c.bodyFormat.name());
                        json.writeStringField("body", c.bodyMarkdown);
                        json.writeStringField("bodyHtml", c.bodyHtml);
                        json.writeEndObject();
                    }
                    json.writeEndArray();
                    json.writeEndObject();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- reading -----------------------------------------------------------------------------------------------

    /** Every post and page in id order with its comments in thread order, {@value #PAGE} posts per transaction. */
    private void eachPost(java.util.function.BiConsumer<Post, List<Comment>> visit) {
        long after = 0;
        while (true) {
            long from = after;
            Long last = QuarkusTransaction.requiringNew().call(() -> {
                // ids first: a page of a query that fetches a collection would be cut in memory, not in SQL
                List<Long> ids = Post.find("select p.id from Post p where p.id > ?1 order by p.id", from)
                        .project(Long.class).page(0, PAGE).list();
                if (ids.isEmpty()) {
                    return null;
                }
                List<Post> posts = Post.<Post> list("select distinct p from Post p join fetch p.author "
                        + "left join fetch p.category left join fetch p.categories left join fetch p.parent "
                        + "left join fetch p.tags "
                        + "where p.id in ?1 order by p.id", ids);
                Map<Long, List<Comment>> comments = Comment.<Comment> list(
                        "from Comment c left join fetch c.parent left join fetch c.account where c.post.id in ?1 "
                                + "order by c.post.id, c.path",
                        ids).stream().collect(Collectors.groupingBy(c -> c.post.id));
                for (Post p : posts) {
                    visit.accept(p, comments.getOrDefault(p.id, new ArrayList<>()));
                }
                return posts.get(posts.size() - 1).id;
            });
            if (last == null) {
                return;
            }
            after = last;
        }
    }

    private static void inTransaction(Runnable work) {
        QuarkusTransaction.requiringNew().run(work);
    }

    // --- XML helpers ---------------------------------------------------------------------------------------

    /** An ampersand that starts a character reference ("&amp;", "&#8217;"), which a plain "&" does not. */
    private static final java.util.regex.Pattern REFERENCE = java.util.regex.Pattern
            .compile("&(?=(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});)");

    /**
     * A plain-text title as WordPress stores one: markup characters escaped, a lone "&" left as it is (as WordPress
     * keeps "Fish & Chips"), and an "&" that would read as a character reference escaped, so it stays text.
     */
    static String escapeTitle(String text) {
        return text == null ? ""
                : REFERENCE.matcher(text).replaceAll("&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Escapes text for HTML, as WordPress stores excerpts: {@code &}, {@code <} and {@code >}. */
    static String escapeHtml(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private interface XmlWork {
        void run() throws XMLStreamException;
    }

    private static void element(XMLStreamWriter w, String ns, String name, Runnable body) {
        xml(() -> {
            if (ns == null) {
                w.writeStartElement(name);
            } else {
                w.writeStartElement(ns, name);
            }
            body.run();
            w.writeEndElement();
            w.writeCharacters("\n");
        });
    }

    private static void text(XMLStreamWriter w, String ns, String name, String value) {
        element(w, ns, name, () -> characters(w, value == null ? "" : value));
    }

    private static void cdata(XMLStreamWriter w, String ns, String name, String value) {
        element(w, ns, name, () -> cdataText(w, value));
    }

    /** CDATA as WordPress writes it; a "]]>" inside is split across two sections. */
    private static void cdataText(XMLStreamWriter w, String value) {
        String text = value == null ? "" : value;
        xml(() -> {
            int start = 0;
            for (int end = text.indexOf("]]>"); end >= 0; end = text.indexOf("]]>", start)) {
                w.writeCData(text.substring(start, end + 2));
                start = end + 2;
            }
            w.writeCData(text.substring(start));
        });
    }

    private static void characters(XMLStreamWriter w, String value) {
        xml(() -> w.writeCharacters(value));
    }

    private static void attribute(XMLStreamWriter w, String name, String value) {
        xml(() -> w.writeAttribute(name, value));
    }

    private static void xml(XmlWork work) {
        try {
            work.run();
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
