/**
 * Mail about new posts for readers who subscribed: to all posts or some categories, a mail per post or a daily or
 * weekly digest ({@link org.quillpress.newsletter.SubscribeResource}, {@link org.quillpress.newsletter.NewPostMails},
 * {@link org.quillpress.newsletter.PostDigests}). Mail goes through the mail package's outbox.
 * <p>
 * Rules: double opt-in (one confirmation mail, rate-limited, and nothing else until its link is used; the same answer
 * whoever asks); a post is announced once, when it becomes public; each digest is made once per period; every mail
 * has a one-click unsubscribe and a link to the manage page, by a signed token, never by address; addresses are
 * shown nowhere. Nothing depends on this package: it observes {@code PostSaved}.
 */
package org.quillpress.newsletter;
