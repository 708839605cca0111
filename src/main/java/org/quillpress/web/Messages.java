package org.quillpress.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every word of the reader's interface and of the mail, in English; {@code messages/msg_<language>.properties}
 * translates them. Templates write {@code {msg:key}} and get the site's language ({@link SiteLanguage} gives every
 * template instance its locale); Java asks {@link SiteLanguage#messages()}. A key missing from a translation shows in
 * English. Staff pages, the discussion and subscriptions keep their words in bundles of their own.
 */
@MessageBundle(value = "msg", locale = "en")
public interface Messages {

    // the layout of every page

    /** The tagline of a site whose owner has not written one. */
    @Message("Writing worth discussing")
    String defaultTagline();

    /** The description of a site whose owner has not written one. */
    @Message("A community blog: long-form posts and the conversations they start.")
    String defaultDescription();

    @Message("Skip to content")
    String skipToContent();

    @Message("Site search")
    String siteSearch();

    @Message("Search posts")
    String searchPosts();

    @Message("Search…")
    String searchPlaceholder();

    @Message("Search")
    String search();

    @Message("Site")
    String navSite();

    @Message("Home")
    String home();

    @Message("Write")
    String navWrite();

    @Message("Posts")
    String navPosts();

    @Message("Media")
    String navMedia();

    @Message("Admin")
    String navAdmin();

    @Message("Categories")
    String categories();

    @Message("Moderation ({pending})")
    String navModeration(String pending);

    @Message("Sign out")
    String signOut();

    @Message("Sign in")
    String signIn();

    @Message("Browse")
    String navBrowse();

    @Message("Archive")
    String archive();

    @Message("Tags")
    String tags();

    @Message("Atom feed")
    String atomFeed();

    @Message("RSS")
    String rss();

    @Message("RSS feed")
    String rssFeed();

    @Message("Sitemap")
    String sitemap();

    @Message("Published with Quillpress.")
    String publishedWith();

    @Message("Back to the home page")
    String backHome();

    // lists of posts

    @Message("{title}: latest posts")
    String homeHeading(String title);

    @Message("Nothing has been published yet.")
    String homeEmpty();

    @Message("No posts here yet.")
    String archiveEmpty();

    @Message("More posts")
    String morePosts();

    @Message("← Newer posts")
    String newerPosts();

    @Message("Older posts →")
    String olderPosts();

    @Message("{#if count == 1}1 comment{#else}{count} comments{/if}")
    String commentCount(long count);

    @Message("Continue reading")
    String continueReading();

    @Message("Tag")
    String archiveKindTag();

    @Message("Category")
    String archiveKindCategory();

    @Message("Author")
    String archiveKindAuthor();

    @Message("Month")
    String archiveKindMonth();

    @Message("Posts tagged {name}.")
    String archiveTagged(String name);

    @Message("Posts in {name}.")
    String archiveInCategory(String name);

    @Message("Posts by {name}.")
    String archiveBy(String name);

    @Message("Posts published in {month}.")
    String archiveInMonth(String month);

    @Message("Every month with posts, newest first.")
    String archiveIndexDescription();

    @Message("Every month with published posts, newest first.")
    String archiveIndexIntro();

    @Message("No posts yet.")
    String noPostsYet();

    @Message("The categories of the site, with their number of posts.")
    String categoriesDescription();

    @Message("The categories with published posts; a category's page also shows its subcategories' posts.")
    String categoriesIntro();

    @Message("No posts in any category yet.")
    String categoriesEmpty();

    @Message("Every tag on the site, with its number of posts.")
    String tagsDescription();

    @Message("Every tag with published posts, A to Z.")
    String tagsIntro();

    @Message("No tags yet.")
    String tagsEmpty();

    // a post

    @Message("Comments on {title}")
    String commentsFeedTitle(String title);

    @Message("Comments are closed.")
    String commentsClosed();

    @Message("Draft: only you can see this.")
    String postDraft();

    @Message("Scheduled for {when} ({zone} time): only you can see this until then.")
    String postScheduled(String when, String zone);

    @Message("Edit")
    String edit();

    @Message("This entry was posted in")
    String postedIn();

    @Message("(also in")
    String alsoIn();

    @Message("and tagged")
    String andTagged();

    @Message("Bookmark the")
    String bookmarkThe();

    @Message("permalink")
    String permalink();

    // search

    @Message("Search the posts and pages of this site.")
    String searchDescription();

    @Message("Results for “{query}”")
    String searchResultsFor(String query);

    @Message("Search again")
    String searchAgain();

    @Message("No posts or pages match.")
    String searchNone();

    @Message("1 post or page matches.")
    String searchOne();

    @Message("{total} posts and pages match; {first}–{last} shown.")
    String searchSome(long total, int first, int last);

    @Message("{total} posts and pages match.")
    String searchAll(long total);

    @Message("More than {max} posts and pages match; the newest {max} are ranked, {first}–{last} shown.")
    String searchMoreThan(int max, int first, int last);

    @Message("Tags:")
    String searchTags();

    @Message("Page")
    String searchPage();

    @Message("No posts match “{query}”. Try fewer or other words.")
    String searchNoMatch(String query);

    @Message("More results")
    String moreResults();

    @Message("← Previous results")
    String previousResults();

    @Message("More results →")
    String nextResults();

    // error pages

    @Message("Error {status}.")
    String errorStatus(int status);

    @Message("or search below.")
    String errorSearchBelow();

    @Message("Search for the page")
    String errorSearchLabel();

    @Message("Sign-in required")
    String errorSignInTitle();

    @Message("Sign in to do this.")
    String errorSignIn();

    @Message("Not allowed")
    String errorForbiddenTitle();

    @Message("Your account may not do this.")
    String errorForbidden();

    @Message("Please check your input")
    String errorInvalidTitle();

    @Message("Not found")
    String errorNotFoundTitle();

    @Message("There is nothing at this address.")
    String errorNotFound();

    @Message("Conflict")
    String errorConflictTitle();

    @Message("Too many requests")
    String errorTooManyTitle();

    @Message("Invalid input")
    String errorInvalidInputTitle();

    @Message("Edited elsewhere")
    String errorStaleTitle();

    @Message("Someone else saved this in the meantime. Reload to see their version.")
    String errorStale();

    @Message("Unreadable request")
    String errorUnreadableTitle();

    @Message("The request body is not valid JSON.")
    String errorNotJson();

    @Message("The field '{field}' has a value of the wrong type.")
    String errorWrongType(String field);

    @Message("Gone")
    String errorGoneTitle();

    @Message("What was here has been deleted.")
    String errorGone();

    @Message("Method not allowed")
    String errorMethodTitle();

    @Message("This address does not accept that kind of request.")
    String errorMethod();

    @Message("Unsupported format")
    String errorFormatTitle();

    @Message("This address does not speak that format.")
    String errorFormat();

    @Message("Something went wrong")
    String errorServerTitle();

    @Message("Please try again in a moment.")
    String errorServer();

    @Message("Bad request")
    String errorBadRequestTitle();

    @Message("The request could not be understood.")
    String errorBadRequest();

    @Message("Unreadable form")
    String errorFormUnreadableTitle();

    @Message("The form could not be read: it is empty or incomplete, or it has too many fields.")
    String errorFormUnreadable();

    @Message("The error was logged. Please try again in a moment.")
    String errorLogged();

    // sign-in

    @Message("Sign in to write, comment and moderate.")
    String loginDescription();

    @Message("Go back without signing in")
    String loginGoBack();

    @Message("With an account you already have")
    String loginWithProvider();

    @Message("Sign in with {label}")
    String loginSignInWith(String label);

    @Message("Or with your email and password")
    String loginOrEmail();

    @Message("Email")
    String email();

    @Message("Password")
    String password();

    @Message("Forgot your password?")
    String forgotPassword();

    @Message("Create an account")
    String createAccount();

    @Message("the provider")
    String loginTheProvider();

    @Message("Sign-in with {label} did not complete{code}. Nothing was saved: try again, or use another way to sign in.")
    String loginNotCompleted(String label, String code);

    @Message("Sign-in with {label} could not be completed: {label} did not confirm it to this site. Nothing was saved. Try again, or use another way to sign in.")
    String loginNotConfirmed(String label);

    @Message("Sign-in with {label} was cancelled, or {label} did not allow it. Nothing was saved: try again, or use another way to sign in.")
    String loginCancelled(String label);

    @Message("Sign-in with {label} is not available at the moment. Please use another way to sign in.")
    String loginUnavailable(String label);

    @Message("Sign-in with {label} could not be completed, so nothing was saved. Start again from the sign-in page.")
    String loginCallbackFailed(String label);

    @Message("This sign-in with {label} was already used or has expired. Start again from the sign-in page.")
    String loginStale(String label);

    @Message("Too many failed attempts. Try again in {#if minutes == 1}a minute{#else}{minutes} minutes{/if}.")
    String loginThrottled(long minutes);

    @Message("The email or the password is not right.")
    String loginWrong();

    @Message("The five minutes to give the code have passed: sign in again.")
    String loginCodeExpired();

    @Message("Too many wrong codes. Try again in {#if minutes == 1}a minute{#else}{minutes} minutes{/if}.")
    String loginCodeThrottled(long minutes);

    @Message("That code is not right.")
    String loginCodeWrong();

    @Message("Your code")
    String codeTitle();

    @Message("The second step of signing in.")
    String codeDescription();

    @Message("Type the six digits your authenticator app shows for this site, or one of your recovery codes.")
    String codeIntro();

    @Message("Code")
    String code();

    @Message("Signing in with {provider}")
    String onTheWayTitle(String provider);

    @Message("Taking you to {provider} to sign in. If nothing happens,")
    String onTheWayText(String provider);

    @Message("continue to {provider}")
    String onTheWayContinue(String provider);

    // sign-up and password reset

    @Message("Check your mail")
    String checkMail();

    @Message("A link to confirm your email is on its way.")
    String signupSentDescription();

    @Message("A link to confirm your email is on its way, unless an account here uses it already (then")
    String signupSentBefore();

    @Message("reset its password")
    String signupSentLink();

    @Message("if you need to). It works once, for a day.")
    String signupSentAfter();

    @Message("Sign up")
    String signup();

    @Message("Create a reader account with your email.")
    String signupDescription();

    @Message("Enter your email: we mail it a link to confirm it, then you choose your name and a password.")
    String signupIntro();

    @Message("Send me a link")
    String sendLink();

    @Message("Have an account?")
    String haveAccount();

    @Message("Enter your email.")
    String signupEmailMissing();

    @Message("This sign-up link does not work any more: it was used already, it expired (links last a day), or it was not copied whole. Nothing was created.")
    String signupLinkNotUsable();

    @Message("Sign up again")
    String signupAgain();

    @Message("Get a link by mail to choose a new password.")
    String forgotDescription();

    @Message("Enter the email you sign in with. If it belongs to an account here, we mail it a link to choose a new password.")
    String forgotIntro();

    @Message("Back to sign-in")
    String backToSignIn();

    @Message("Enter the email you sign in with.")
    String forgotEmailMissing();

    @Message("This link does not work")
    String linkNotUsableTitle();

    @Message("A link from a mail that no longer works.")
    String linkNotUsableDescription();

    @Message("This password reset link does not work any more: it was used already, it expired (links last an hour), or it was not copied whole. Your password has not changed.")
    String resetLinkNotUsable();

    @Message("Ask for a new link")
    String askNewLink();

    @Message("This invitation link does not work any more: it was accepted already, it expired (invitations last a week), it was taken back, or it was not copied whole. Nothing was created.")
    String invitationLinkNotUsable();

    @Message("Go to sign-in")
    String goToSignIn();

    @Message("Choose a new password")
    String resetTitle();

    @Message("Choose a new password for your account.")
    String resetDescription();

    @Message("For the account that signs in with")
    String resetForAccount();

    @Message("Every other place it is signed in will be signed out.")
    String resetSignsOut();

    @Message("New password (at least {min} characters)")
    String resetNewPassword(int min);

    @Message("Set the new password")
    String resetSubmit();

    @Message("A password reset link is on its way.")
    String resetSentDescription();

    @Message("If an account here signs in with that email, a link to choose a new password is on its way. It works once, for an hour.")
    String resetSentText();

    @Message("No mail after a few minutes? Look in your spam folder, check the address, or")
    String resetSentNoMail();

    @Message("ask again")
    String askAgain();

    @Message("Use at least {min} characters.")
    String passwordTooShort(int min);

    /** {@code max} as {@link SiteLanguage#number} writes it. */
    @Message("Use at most {max} characters.")
    String atMostCharacters(String max);

    @Message("Enter an email address such as name@example.org.")
    String emailInvalid();

    // subscriptions to a post's comments

    @Message("Subscription confirmed")
    String subConfirmedTitle();

    @Message("You will get mail about new comments.")
    String subConfirmedDescription();

    @Message("Thank you. You will get a mail when someone comments on")
    String subConfirmedBefore();

    @Message(". Every such mail has a link to stop them again.")
    String subConfirmedAfter();

    @Message("Reply mail stopped")
    String repliesStoppedTitle();

    @Message("You will get no more mail about replies to your comments.")
    String repliesStoppedDescription();

    @Message("Reply mail is off")
    String repliesStoppedHeading();

    @Message("You will get no more mail when someone replies to your comments. Your account page can turn it on again.")
    String repliesStoppedText();

    @Message("Stop mail about replies")
    String stopRepliesTitle();

    @Message("Turn off mail about replies to your comments.")
    String stopRepliesDescription();

    @Message("Stop mail about replies?")
    String stopRepliesHeading();

    @Message("Your account gets a mail when someone replies to one of your comments.")
    String stopRepliesText();

    @Message("Stop these mails")
    String stopTheseMails();

    @Message("You can turn them on again on your account page.")
    String stopRepliesAgain();

    @Message("Stop mail about new comments")
    String unsubscribeTitle();

    @Message("End a subscription to new comments.")
    String unsubscribeDescription();

    @Message("Stop mail about new comments?")
    String unsubscribeHeading();

    @Message("You get a mail when someone comments on")
    String unsubscribeText();

    @Message("Unsubscribed")
    String unsubscribedTitle();

    @Message("You will get no more mail about new comments.")
    String unsubscribedDescription();

    @Message("You are unsubscribed")
    String unsubscribedHeading();

    @Message("You will get no more mail about new comments on")
    String unsubscribedOn();

    @Message("You will get no more mail about new comments on that post.")
    String unsubscribedThatPost();

    @Message("Search results for {query}")
    String searchResultsTitle(String query);

    // feeds (feed.FeedTexts also takes commentsFeedTitle, archiveTagged, archiveInCategory and archiveBy)

    @Message("{writer} on {title}")
    String feedCommentEntry(String writer, String title);

    // the site settings' language field

    @Message("Language")
    String settingsLanguage();

    @Message("The language of every page, mail and feed.")
    String settingsLanguageHint();

    @Message("Choose a language from the list: {tags}.")
    String settingsLanguageUnknown(String tags);
}
