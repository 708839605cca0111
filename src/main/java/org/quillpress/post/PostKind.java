package org.quillpress.post;

/** A dated post in the blog's stream, or a standalone page (About, Contact) in the navigation. */
public enum PostKind {
    POST,
    PAGE
}
