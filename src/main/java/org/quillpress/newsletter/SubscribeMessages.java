package org.quillpress.newsletter;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the subscribe pages and the new-post mails, in English; {@code messages/subscribe_de.properties}
 * has them in German. Templates read them as {@code {subscribe:key}}; values a reader typed or an author wrote
 * (titles, names) stay outside these messages, so the templates escape them as usual.
 */
@MessageBundle("subscribe")
public interface SubscribeMessages {

    // the subscribe page and the compact form

    @Message("Get new posts by mail")
    String pageTitle();

    @Message("Subscribe to new posts by mail.")
    String pageDescription();

    @Message("Enter your email and choose what you want to hear about. We send a link to confirm it first: nothing else arrives until you use it.")
    String pageIntro();

    @Message("Email")
    String email();

    @Message("Only used to send you these mails; never shown to anyone.")
    String emailHint();

    @Message("Which posts")
    String scope();

    @Message("All posts")
    String scopeAll();

    @Message("Only posts in these categories:")
    String scopeCategories();

    @Message("How often")
    String frequency();

    @Message("A mail for each new post")
    String frequencyEachPost();

    @Message("A daily digest")
    String frequencyDaily();

    @Message("A weekly digest")
    String frequencyWeekly();

    @Message("Subscribe")
    String submit();

    @Message("Choose categories")
    String chooseCategories();

    // answers to the form

    @Message("Check your mail")
    String sentTitle();

    @Message("If this address can get mail from us, a link to confirm the subscription is on its way. It works for {hours} hours; nothing is sent until you use it.")
    String sentText(long hours);

    @Message("Enter an email address such as name@example.org.")
    String errorEmail();

    @Message("Choose all posts or at least one category.")
    String errorScope();

    @Message("Choose at least one category, from the list.")
    String errorCategory();

    @Message("Choose a mail for each post, a daily or a weekly digest.")
    String errorFrequency();

    // confirming, managing, leaving

    @Message("You are subscribed")
    String confirmedTitle();

    @Message("Thank you: new posts will come by mail. Every mail has a link to change this or stop.")
    String confirmedText();

    @Message("Change your subscription")
    String manageLink();

    @Message("This link does not work")
    String notUsableTitle();

    @Message("It expired, was used already, or its subscription has ended. You can subscribe again.")
    String notUsableText();

    @Message("Your subscription to new posts")
    String manageTitle();

    @Message("Change what you get and how often, or stop these mails.")
    String manageIntro();

    @Message("Save changes")
    String save();

    @Message("Your subscription is changed.")
    String saved();

    @Message("Stop these mails")
    String unsubscribe();

    @Message("You are unsubscribed")
    String unsubscribedTitle();

    @Message("You will get no more mail about new posts.")
    String unsubscribedText();

    @Message("Back to the home page")
    String home();

    // the mails

    @Message("Confirm your subscription to {siteTitle}")
    String confirmSubject(String siteTitle);

    @Message("Someone, hopefully you, asked to get new posts of {siteTitle} by mail at this address.")
    String confirmIntro(String siteTitle);

    @Message("Confirm this address")
    String confirmAction();

    @Message("The link works for {hours} hours. If it was not you, ignore this mail: without a confirmation you get nothing more from us.")
    String confirmIgnore(long hours);

    @Message("New post: {title}")
    String newPostSubject(String title);

    @Message("A new post was published:")
    String newPostIntro();

    @Message("Read it")
    String read();

    @Message("New posts on {siteTitle}")
    String digestSubject(String siteTitle);

    @Message("New posts since your last digest:")
    String digestIntro();

    @Message("You get this mail because you subscribed to new posts.")
    String why();
}
