package org.quillpress.web;

import java.util.List;
import java.util.Optional;

/**
 * What the site knows about an image a post shows: its size and the other widths it is stored in. Implemented
 * by the media package (above web), so {@link Markdown} can write {@code width}, {@code height} and
 * {@code srcset} for uploaded images without depending on it.
 */
public interface ImageRenditions {

    /** The stored image at {@code src}, or empty for any other address (another site's image, say). */
    Optional<Image> find(String src);

    /**
     * The stored image a post names as its featured image: by its id, or by one of its {@code /media} addresses
     * (as pasted from the library). Empty when there is no such image.
     */
    Optional<Long> idOf(String reference);

    /**
     * The stored image with this id as a featured image, or empty when it is gone. Answered from memory after the
     * first time, so the pages that show featured images run no query for them.
     */
    Optional<Featured> featured(long id);

    /** The newest stored images, for the write page's choice of a featured image. */
    List<Featured> newest(int limit);

    /**
     * An image as a post's {@code <img>} shows it.
     *
     * @param src the address of the width browsers take without srcset
     * @param srcset candidates such as {@code /media/…-480.jpg 480w, /media/…-960.jpg 960w}
     * @param webpSrcset the same widths in WebP ({@code /media/…-480.webp 480w, …}), or null when the image has
     *        no WebP files
     */
    record Image(String src, int width, int height, String srcset, String webpSrcset) {
    }

    /**
     * A stored image chosen to stand for a post.
     *
     * @param largest the address of its widest rendition, for social cards and feeds
     * @param largestSize the byte size of that file (a feed's enclosure gives it), 0 while it is not known
     */
    record Featured(long id, Image image, String alt, String largest, long largestSize, String mime, String name) {
    }
}
