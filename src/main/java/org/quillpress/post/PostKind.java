package org.quillpress.post;

import org.quillpress.web.Paths;

/** A dated post in the blog's stream, or a standalone page (About, Contact) in the navigation. */
public enum PostKind {
    POST,
    PAGE;

    /** The address of the post or page of this kind with {@code slug}. */
    public String path(String slug) {
        return this == PAGE ? Paths.page(slug) : Paths.post(slug);
    }
}
