package org.quillpress.comment;

/**
 * A comment as a reader sends it, from the form or the API, before any checking. {@code honeypot} and
 * {@code started} come only from the form: a hidden field people leave empty, and the signed time the
 * form was shown.
 */
public record CommentSubmission(String body, Long parentId, String name, String email, String website,
        boolean notifyReplies, String honeypot, String started, boolean fromForm) {
}
