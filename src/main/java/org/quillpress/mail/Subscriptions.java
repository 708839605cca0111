package org.quillpress.mail;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.quillpress.comment.Comment;
import org.quillpress.site.SiteSettings;
import org.quillpress.web.SiteLanguage;

import io.quarkus.logging.Log;

/**
 * Follow-up mail for a post's comments: who asked for it, confirming a guest's address first, and
 * leaving with one click.
 */
@ApplicationScoped
public class Subscriptions {

    @Inject
    ConfirmationLimits limits;

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Outbox outbox;

    @Inject
    MailLinks links;

    @Inject
    SiteSettings site;

    @Inject
    Clock clock;

    /**
     * Subscribes a comment's writer to its post, in the comment's transaction. A signed-in account's
     * address is the one it signed up with, so it counts at once; a guest typed theirs into a form, so
     * they get a mail with a confirmation link and nothing else until they use it. An address that is
     * already subscribed, confirmed or not, is left as it is (no second confirmation mail).
     */
    @Transactional(TxType.MANDATORY)
    public void subscribeWriter(Comment comment) {
        boolean account = comment.account != null;
        String email = account ? comment.account.email : comment.authorEmail;
        if (email == null || email.isBlank()) {
            return;
        }
        Optional<Subscription> existing = Subscription.findForPost(comment.post, email);
        if (existing.isPresent()) {
            if (account && !existing.get().confirmed) {
                existing.get().confirmed = true;
                existing.get().account = comment.account;
            }
            return;
        }
        if (!account && !limits.take(email, comment.clientAddress)) {
            // no mail, and no subscription waiting for one: the writer may ask again with a later comment
            Log.debugf("Confirmation mail limit reached; comment %d is not subscribed", comment.id);
            return;
        }
        Subscription subscription = new Subscription();
        subscription.post = comment.post;
        subscription.email = email.strip();
        subscription.account = comment.account;
        subscription.token = newToken();
        subscription.confirmed = account;
        subscription.createdAt = clock.instant();
        subscription.persist();
        if (!account) {
            MailTemplates.Rendered mail = MailTemplates.render(MailTemplates.confirmSubscription(site.current().title(),
                    comment.post.title, links.post(comment.post.path()), links.confirm(subscription.token)));
            outbox.enqueue(subscription.email,
                    SiteLanguage.messages(MailMessages.class).mailSubscribeSubject(comment.post.title),
                    mail.text(), mail.html(), null);
        }
    }

    /** Confirms the subscription with this token; empty when no subscription has it. */
    @Transactional
    public Optional<Subscription> confirm(String token) {
        Optional<Subscription> found = Subscription.findByToken(token);
        found.ifPresent(s -> s.confirmed = true);
        return found;
    }

    /** The subscription with this token, changing nothing. */
    @Transactional
    public Optional<Subscription> find(String token) {
        return Subscription.findByToken(token);
    }

    /** Ends the subscription with this token: the row is deleted. Returns its post's slug, if it existed. */
    @Transactional
    public Optional<String> unsubscribe(String token) {
        Optional<Subscription> found = Subscription.findByToken(token);
        found.ifPresent(Subscription::delete);
        return found.map(s -> s.post.slug);
    }

    /** 32 random bytes, URL-safe Base64: unguessable, and the only key to a subscription. */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
