package org.quillpress.post;

/** Where a post is in its life. Only published (and due scheduled) posts are visible to readers. */
public enum PostStatus {
    DRAFT,
    SCHEDULED,
    PUBLISHED
}
