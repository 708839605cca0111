package org.quillpress.wxr;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.quillpress.media.Media;
import org.quillpress.media.MediaFiles;
import org.quillpress.post.Post;
import org.quillpress.web.BodyFormat;
import org.quillpress.web.PublicUrls;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The export's attachment items: one per image of the media library that a post shows, features or names by
 * attachment id (a gallery's ids, an image's {@code wp-image-N}), with its absolute address as
 * {@code wp:attachment_url}, so that WordPress's importer (with "download and import file attachments") fetches
 * the files from this site. Attachment ids count on past the posts' ids, and the bodies of imported WordPress posts
 * are renumbered to them: WordPress's importer keeps an item's id when it is free, so galleries keep their images.
 */
@ApplicationScoped
public class ExportedAttachments {

    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    /** A site-relative address of a library file in a body (an attribute's value or a srcset's entry). */
    private static final Pattern LIBRARY_ADDRESS = Pattern.compile("(?<=[\\s\"',(])" + Pattern.quote(MediaFiles.PREFIX));

    @Inject
    PublicUrls urls;

    /** One export's numbering of its attachments, and the media its bodies named by id, with the first post naming each. */
    public final class Numbering {
        private final long offset;
        private final Map<Long, Post> named = new LinkedHashMap<>();

        private Numbering(long offset) {
            this.offset = offset;
        }

        /**
         * The body as the export writes it: library addresses absolute (WordPress's importer replaces the addresses
         * of the files it downloads, and only absolute ones), and an imported WordPress body's attachment ids
         * renumbered to this export's.
         */
        public String body(Post post) {
            String body = post.bodyFormat == BodyFormat.WORDPRESS ? post.bodyMarkdown : post.bodyHtml;
            if (body == null) {
                return "";
            }
            if (post.bodyFormat == BodyFormat.WORDPRESS) {
                Optional<String> blog = WxrLink.origin(post.id).map(link -> ImportedMedia.blogOf(link.key.source));
                if (blog.isPresent()) {
                    body = AttachmentReferences.renumber(body, wpId -> WxrAttachment.find(blog.get(), wpId)
                            .map(a -> a.mediaId).map(mediaId -> {
                                named.putIfAbsent(mediaId, post);
                                return offset + mediaId;
                            }));
                }
            }
            return LIBRARY_ADDRESS.matcher(body).replaceAll(Matcher.quoteReplacement(urls.base() + MediaFiles.PREFIX));
        }
    }

    /** Starts an export: its attachments are numbered past the posts' ids. */
    public Numbering numbering() {
        return new Numbering(QuarkusTransaction.requiringNew().call(() -> Post.getEntityManager()
                .createQuery("select coalesce(max(p.id), 0) from Post p", Long.class).getSingleResult()));
    }

    /**
     * Writes the attachment items into the channel {@code w} is writing, dated in the blog's time ({@code local}),
     * each attached to (and by the author of) the first post that shows it.
     */
    public void write(XMLStreamWriter w, Numbering numbering, DateTimeFormatter local) throws XMLStreamException {
        record Used(Media media, Post firstPost) {
        }
        List<Used> used = QuarkusTransaction.requiringNew().call(() -> {
            List<Media> media = Media.<Media> list(
                    "from Media m where m.id in ?2 or exists (select 1 from Post p where p.featuredMediaId = m.id "
                            + "or p.bodyMarkdown like concat('%', ?1, m.hash, '-%')) order by m.id",
                    MediaFiles.PREFIX, numbering.named.isEmpty() ? List.of(-1L) : List.copyOf(numbering.named.keySet()));
            return media.stream().map(m -> new Used(m, Optional.ofNullable(numbering.named.get(m.id))
                    .or(() -> Post.<Post> find("from Post p join fetch p.author where p.featuredMediaId = ?1 "
                            + "or p.bodyMarkdown like concat('%', ?2, ?3, '-%') order by p.id", m.id,
                            MediaFiles.PREFIX, m.hash).firstResultOptional())
                    .orElse(null))).toList();
        });
        for (Used u : used) {
            Media m = u.media();
            String url = urls.of(MediaFiles.url(m.fileName(m.width)));
            w.writeStartElement("item");
            text(w, null, "title", m.alt.isBlank() ? m.originalName : m.alt);
            text(w, null, "link", url);
            text(w, null, "pubDate", RFC_1123.format(m.createdAt));
            if (u.firstPost() != null) {
                text(w, WxrNames.DC_NS, "creator", u.firstPost().author.handle);
            }
            w.writeStartElement("guid");
            w.writeAttribute("isPermaLink", "false");
            w.writeCharacters(url);
            w.writeEndElement();
            text(w, WxrNames.EXCERPT_NS, "encoded", m.caption);
            text(w, WxrNames.WP_NS, "post_id", Long.toString(numbering.offset + m.id));
            text(w, WxrNames.WP_NS, "post_date", local.format(m.createdAt));
            text(w, WxrNames.WP_NS, "post_date_gmt", WxrNames.DATE.format(m.createdAt));
            text(w, WxrNames.WP_NS, "post_name", "media-" + m.id);
            text(w, WxrNames.WP_NS, "status", "inherit");
            text(w, WxrNames.WP_NS, "post_parent", u.firstPost() == null ? "0" : u.firstPost().id.toString());
            text(w, WxrNames.WP_NS, "post_type", "attachment");
            text(w, WxrNames.WP_NS, "attachment_url", url);
            if (!m.alt.isBlank()) {
                w.writeStartElement(WxrNames.WP_NS, "postmeta");
                text(w, WxrNames.WP_NS, "meta_key", "_wp_attachment_image_alt");
                text(w, WxrNames.WP_NS, "meta_value", m.alt);
                w.writeEndElement();
            }
            w.writeEndElement();
        }
    }

    private static void text(XMLStreamWriter w, String ns, String name, String value) throws XMLStreamException {
        if (ns == null) {
            w.writeStartElement(name);
        } else {
            w.writeStartElement(ns, name);
        }
        w.writeCharacters(value);
        w.writeEndElement();
    }
}
