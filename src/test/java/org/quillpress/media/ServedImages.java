package org.quillpress.media;

import org.quillpress.support.WebClient;

/** What a test reads off an image the site serves: the hash its addresses share, and its length in bytes. */
final class ServedImages {

    private ServedImages() {
    }

    /** The content hash every width of an image shares: "/media/3f2a…-960.jpg" gives "3f2a…". */
    static String hash(String url) {
        return url.substring(MediaFiles.PREFIX.length(), url.indexOf('-'));
    }

    /** The bytes a reader downloads at this address, as a feed's enclosure length must state them. */
    static int length(String url) {
        return WebClient.anonymous().get(url).asByteArray().length;
    }
}
