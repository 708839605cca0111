package org.quillpress.wxr;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Namespaces and values shared by the WXR reader and writer. */
final class WxrNames {

    static final String WP_NS = "http://wordpress.org/export/1.2/";
    static final String EXCERPT_NS = "http://wordpress.org/export/1.2/excerpt/";
    static final String CONTENT_NS = "http://purl.org/rss/1.0/modules/content/";
    static final String DC_NS = "http://purl.org/dc/elements/1.1/";
    static final String WFW_NS = "http://wellformedweb.org/CommentAPI/";
    /**
     * Quillpress's own additions to an export (the Markdown source of what was written here). WordPress's
     * importer ignores elements it does not know; a Quillpress import reads them back for a lossless
     * round trip.
     */
    static final String QUILLPRESS_NS = "https://quillpress.org/export/1.0/";

    /** The provider of sign-in identities made for imported WordPress authors (subject: their login). */
    static final String PROVIDER = "wordpress";

    /** WordPress's way of writing a date ({@code wp:post_date_gmt} and the like), read and written as UTC. */
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private WxrNames() {
    }
}
