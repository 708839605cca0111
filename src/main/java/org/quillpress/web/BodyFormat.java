package org.quillpress.web;

/**
 * How the source of a post or comment body is written: Markdown typed here, or HTML brought in from
 * WordPress (blank lines are paragraphs, shortcodes and block comments inside). Both are rendered by
 * {@link Markdown} through the same sanitizer.
 */
public enum BodyFormat {
    MARKDOWN,
    WORDPRESS
}
