package org.quillpress.newsletter;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.quillpress.account.Account;
import org.quillpress.account.AccountService;
import org.quillpress.mail.ConfirmationLimits;
import org.quillpress.post.Category;
import org.quillpress.web.ControlCharacters;

import io.quarkus.logging.Log;

/**
 * Subscribing to new posts with double opt-in, changing a subscription and ending it. A request changes nothing
 * until its confirmation link is used, and every request gets the same answer, so the form tells nobody whether an
 * address is subscribed.
 */
@ApplicationScoped
public class NewPostSubscriptions {

    /** What a valid form asks for; {@code email} is null on the manage form. */
    record Choice(String email, boolean allPosts, List<Category> categories, Frequency frequency) {
    }

    /** The outcome of checking a form: a choice, or a message per field that is wrong. */
    record Checked(Choice choice, Map<String, String> errors) {
    }

    @Inject
    ConfirmationLimits limits;

    @Inject
    NewPostMails mails;

    @Inject
    NewsletterConfig config;

    @Inject
    SubscribeMessages messages;

    @Inject
    ManageTokens tokens;

    @Inject
    Clock clock;

    /** The subscribe form as a reader first sees it: with their account's address if they are signed in. */
    @Transactional
    public FormPage freshForm(Optional<Long> accountId) {
        String email = accountId.map(id -> Account.<Account> findById(id)).map(a -> a.email).orElse("");
        return FormPage.fresh(email == null ? "" : email);
    }

    /** The form checked against the rules and the categories there are; {@code withEmail} for the subscribe form. */
    @Transactional
    public Checked check(SubscribeForm form, boolean withEmail) {
        Map<String, String> errors = new LinkedHashMap<>();
        String email = null;
        if (withEmail) {
            email = form.email() == null ? "" : form.email().strip();
            if (email.length() > AccountService.MAX_EMAIL || ControlCharacters.present(email)
                    || !AccountService.EMAIL.matcher(email).matches()) {
                errors.put("email", messages.errorEmail());
            }
        }
        boolean allPosts = SubscribeForm.ALL.equals(form.scope());
        List<Category> categories = new ArrayList<>();
        if (!allPosts && !SubscribeForm.CATEGORIES.equals(form.scope())) {
            errors.put("scope", messages.errorScope());
        } else if (!allPosts) {
            for (String slug : new LinkedHashSet<>(form.chosenCategories())) {
                Optional<Category> category = slug == null || slug.length() > 200 ? Optional.empty()
                        : Category.findBySlug(slug.strip());
                if (category.isEmpty()) {
                    errors.put("category", messages.errorCategory());
                    break;
                }
                categories.add(category.get());
            }
            if (categories.isEmpty()) {
                errors.putIfAbsent("category", messages.errorCategory());
            }
        }
        Optional<Frequency> frequency = Frequency.parse(form.frequency());
        if (frequency.isEmpty()) {
            errors.put("frequency", messages.errorFrequency());
        }
        return errors.isEmpty() ? new Checked(new Choice(email, allPosts, categories, frequency.get()), Map.of())
                : new Checked(null, errors);
    }

    /**
     * Stores a request and mails its confirmation link, unless the confirmation limits for the address or the
     * client are used up: then nothing at all happens. Either way the answer is the same.
     */
    @Transactional
    public void request(Choice choice, String clientAddress) {
        if (!limits.take(choice.email(), clientAddress)) {
            Log.info("A new-post subscription was not confirmed by mail: the limit for the address or network is reached");
            return;
        }
        Instant now = clock.instant();
        SubscribeRequest request = new SubscribeRequest();
        request.email = choice.email();
        request.allPosts = choice.allPosts();
        request.categories.addAll(choice.categories());
        request.frequency = choice.frequency();
        request.createdAt = now;
        request.expiresAt = now.plus(config.confirmFor());
        request.persist();
        mails.confirm(request, tokens.token(ManageTokens.Purpose.CONFIRM, request.id));
    }

    /**
     * Follows a confirmation link: the request becomes the address's subscription (replacing an earlier one), and
     * the link stops working. The subscriber's manage token; empty when the link is unknown, used or expired.
     */
    @Transactional
    public Optional<String> confirm(String token) {
        Instant now = clock.instant();
        Optional<SubscribeRequest> found = tokens.idOf(ManageTokens.Purpose.CONFIRM, token)
                .map(id -> SubscribeRequest.<SubscribeRequest> findById(id))
                .filter(request -> !request.expiresAt.isBefore(now));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SubscribeRequest request = found.get();
        PostSubscriber subscriber = PostSubscriber.findByEmail(request.email).orElseGet(() -> {
            PostSubscriber created = new PostSubscriber();
            created.email = request.email;
            created.emailKey = PostSubscriber.key(request.email);
            created.createdAt = now;
            created.lastDigestAt = now;
            return created;
        });
        apply(subscriber, new Choice(null, request.allPosts, request.categories, request.frequency), now);
        subscriber.persist();
        request.delete();
        return Optional.of(tokens.token(ManageTokens.Purpose.MANAGE, subscriber.id));
    }

    /** The manage page's form for the subscriber with this token. */
    @Transactional
    public Optional<FormPage> manageForm(String token) {
        return subscriber(token).map(FormPage::of);
    }

    /** Changes what the subscriber with this token gets; false when there is no such subscriber. */
    @Transactional
    public boolean change(String token, Choice choice) {
        Optional<PostSubscriber> subscriber = subscriber(token);
        subscriber.ifPresent(s -> apply(s, choice, clock.instant()));
        return subscriber.isPresent();
    }

    /** Ends the subscription with this token; false when there is none (any more). */
    @Transactional
    public boolean unsubscribe(String token) {
        Optional<PostSubscriber> subscriber = subscriber(token);
        subscriber.ifPresent(PostSubscriber::delete);
        return subscriber.isPresent();
    }

    private Optional<PostSubscriber> subscriber(String token) {
        return tokens.idOf(ManageTokens.Purpose.MANAGE, token).map(id -> PostSubscriber.findById(id));
    }

    /** A digest starts afresh when the frequency changes, so no post announced meanwhile comes twice. */
    private static void apply(PostSubscriber subscriber, Choice choice, Instant now) {
        if (subscriber.frequency != null && subscriber.frequency != choice.frequency()) {
            subscriber.lastDigestAt = now;
        }
        subscriber.allPosts = choice.allPosts();
        subscriber.categories.clear();
        if (!choice.allPosts()) {
            subscriber.categories.addAll(choice.categories());
        }
        subscriber.frequency = choice.frequency();
    }
}
