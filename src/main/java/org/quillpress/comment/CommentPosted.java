package org.quillpress.comment;

/**
 * Fired (observe after the transaction succeeds) when a comment was stored or changed status: what
 * mails, feeds and cached pages react to.
 */
public record CommentPosted(long commentId, long postId, CommentStatus status, CommentStatus previousStatus) {
}
