/**
 * Mail: written to the outbox ({@link org.quillpress.mail.Outbox}) in the same transaction as what caused it,
 * delivered by a timed job ({@link org.quillpress.mail.MailDelivery}) that claims rows with
 * {@code FOR UPDATE SKIP LOCKED}; comment notifications ({@link org.quillpress.mail.CommentMails}) and follow-up
 * subscriptions with one-click unsubscribe ({@link org.quillpress.mail.SubscriptionResource}).
 * <p>
 * Rules: no mail lost, none sent twice; failed mail is retried with growing intervals, then kept with its error.
 */
package org.quillpress.mail;
