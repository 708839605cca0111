/**
 * The discussion under a post: a post's page with its thread ({@link org.quillpress.comment.PostPageResource}),
 * the comment form and API ({@link org.quillpress.comment.CommentResource},
 * {@link org.quillpress.comment.CommentApi}), the moderation pipeline every new comment goes through
 * ({@link org.quillpress.comment.CommentService}, whose decision is the pure
 * {@link org.quillpress.comment.ModerationPolicy}; bodies by {@link org.quillpress.comment.CommentBody}, guests'
 * fields by {@link org.quillpress.comment.GuestDetails}, replies placed by {@link org.quillpress.comment.Threading}), threads
 * built in one query
 * ({@link org.quillpress.comment.CommentThreads}) and shown as nested lists ({@link org.quillpress.comment.CommentViews#nest}),
 * and every comment's audit trail ({@link org.quillpress.comment.ModerationAction}). The words of the discussion's
 * pages are the {@code discussion} message bundle ({@link org.quillpress.comment.DiscussionMessages}).
 * <p>
 * Rules: refused input stores nothing; flood limits and repeats answer 429 and 409; each decision keeps its
 * reasons in words; a reply below the deepest level joins its parent's replies; emails are never shown.
 */
package org.quillpress.comment;
