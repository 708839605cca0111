package org.quillpress.wxr;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.quillpress.media.Media;
import org.quillpress.media.MediaFiles;
import org.quillpress.post.Post;
import org.quillpress.web.PublicUrls;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The export's attachment items: one per image of the media library that a post shows or features, with its
 * absolute address as {@code wp:attachment_url}, so that WordPress's importer (with "download and import
 * file attachments") fetches the files from this site.
 */
@ApplicationScoped
public class ExportedAttachments {

    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    @Inject
    PublicUrls urls;

    /** Writes the attachment items into the channel {@code w} is writing. */
    public void write(XMLStreamWriter w) throws XMLStreamException {
        List<Media> used = QuarkusTransaction.requiringNew().call(() -> Media.<Media> list(
                "from Media m where exists (select 1 from Post p where p.featuredMediaId = m.id "
                        + "or p.bodyMarkdown like concat('%', ?1, m.hash, '-%')) order by m.id",
                MediaFiles.PREFIX));
        // WordPress keys every item by its post_id: attachments count on from past the posts' ids
        long offset = QuarkusTransaction.requiringNew().call(() -> Post.getEntityManager()
                .createQuery("select coalesce(max(p.id), 0) from Post p", Long.class).getSingleResult());
        for (Media m : used) {
            String url = urls.of(MediaFiles.url(m.fileName(m.width)));
            w.writeStartElement("item");
            text(w, null, "title", m.alt.isBlank() ? m.originalName : m.alt);
            text(w, null, "link", url);
            text(w, null, "pubDate", RFC_1123.format(m.createdAt));
            w.writeStartElement("guid");
            w.writeAttribute("isPermaLink", "false");
            w.writeCharacters(url);
            w.writeEndElement();
            text(w, WxrNames.EXCERPT_NS, "encoded", m.caption);
            text(w, WxrNames.WP_NS, "post_id", Long.toString(offset + m.id));
            text(w, WxrNames.WP_NS, "post_date", WxrNames.DATE.format(m.createdAt));
            text(w, WxrNames.WP_NS, "post_date_gmt", WxrNames.DATE.format(m.createdAt));
            text(w, WxrNames.WP_NS, "post_name", "media-" + m.id);
            text(w, WxrNames.WP_NS, "status", "inherit");
            text(w, WxrNames.WP_NS, "post_parent", "0");
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
