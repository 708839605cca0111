package org.quillpress.comment;

/** Where a comment stands: only approved comments are shown to readers. */
public enum CommentStatus {
    PENDING,
    APPROVED,
    SPAM,
    TRASH
}
