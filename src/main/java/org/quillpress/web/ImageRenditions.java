package org.quillpress.web;

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
     * An image as a post's {@code <img>} shows it.
     *
     * @param src the address of the width browsers take without srcset
     * @param srcset candidates such as {@code /media/…-480.jpg 480w, /media/…-960.jpg 960w}
     */
    record Image(String src, int width, int height, String srcset) {
    }
}
