package org.quillpress.post;

/**
 * Where a post is in its life. Only published (and due scheduled) posts are visible to readers; a trashed one
 * is gone for them (its address answers 410) until it is restored or purged.
 */
public enum PostStatus {
    DRAFT,
    SCHEDULED,
    PUBLISHED,
    TRASHED
}
