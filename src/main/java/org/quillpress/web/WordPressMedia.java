package org.quillpress.web;

/**
 * The images of the WordPress blog an imported post came from, as its galleries show them. Implemented by the
 * import (above web), so that {@link Markdown} renders an imported post's galleries the same on every save.
 */
public interface WordPressMedia {

    /** The images for the post with this id; {@link WordPressHtml.Attachments#NONE} for a post not imported. */
    WordPressHtml.Attachments of(long postId);
}
