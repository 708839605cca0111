package org.quillpress.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words Java code says about input it refuses (categories and tags, the post desk, the moderation queue, the
 * comment form, the API's problem details) and a role inside a sentence, in English; other languages in
 * {@code messages/checks_<language>.properties}. Code asks {@code SiteLanguage.messages(CheckMessages.class)}.
 */
@MessageBundle(value = "checks", locale = "en")
public interface CheckMessages {

    // roles

    /** The role inside a sentence ("invites you to join … as {role}"); its name alone is staffadmin:roleName. */
    @Message("{#when role}{#is 'READER'}reader{#is 'AUTHOR'}author{#is 'EDITOR'}editor{#is 'MODERATOR'}moderator{#is 'ADMIN'}admin{/when}")
    String roleInSentence(String role);

    // any form or request

    @Message("Remove the control characters (such as a NUL byte) from this field.")
    String controlCharacters();

    @Message("This page link is not valid; start again from the first page.")
    String pageLinkNotValid();

    @Message("This page link is damaged: start from the first page.")
    String pageLinkDamaged();

    @Message("Choose one from the list.")
    String chooseFromList();

    @Message("Use at most {max} characters.")
    String atMostCharacters(String max);

    // problem details of the JSON API and refused bodies

    @Message("The request is not valid.")
    String requestNotValid();

    @Message("Missing CSRF token")
    String csrfMissingTitle();

    @Message("Requests made with a session cookie must send the csrf-token cookie's value in the {header} header.")
    String csrfMissing(String header);

    @Message("The request body is larger than 4 MB, the limit here.")
    String bodyTooLarge();

    @Message("Send the request body with a Content-Length header.")
    String bodyWithoutLength();

    // categories and tags

    @Message("Give the category a name with a letter or digit.")
    String categoryNoName();

    @Message("There is a category \"{name}\" already.")
    String categoryExists(String name);

    @Message("Another category already uses \"{slug}\".")
    String categorySlugTaken(String slug);

    @Message("\"{name}\" cannot go under itself or one of its own subcategories.")
    String categoryCycle(String name);

    @Message("Choose the category to merge \"{name}\" into.")
    String categoryMergeInto(String name);

    @Message("A category cannot be merged into itself.")
    String categoryMergeSelf();

    @Message("Choose another category for its posts.")
    String categoryMoveTo();

    @Message("\"{name}\" cannot be deleted or merged away: posts go there when no other is chosen.")
    String categoryDefault(String name);

    @Message("That category does not exist (any more).")
    String categoryGone();

    @Message("Another tag already uses \"{slug}\".")
    String tagSlugTaken(String slug);

    @Message("Choose the tag to merge \"{name}\" into.")
    String tagMergeInto(String name);

    @Message("A tag cannot be merged into itself.")
    String tagMergeSelf();

    @Message("Give a name of at most {max} characters.")
    String termNameLength(int max);

    @Message("Use lower-case letters, digits and single hyphens, such as harbour-walks.")
    String termSlugFormat();

    // the post desk and autosave

    @Message("Choose publish, trash, restore, purge or category.")
    String deskAction();

    @Message("Choose all, draft, scheduled, published or trash.")
    String deskStatus();

    @Message("Sort by updated, published or title.")
    String deskSort();

    @Message("Search with at most {max} characters.")
    String deskQuery(int max);

    @Message("Choose post or page.")
    String deskKind();

    /** The kind of a post written through the API, named as the API names it. */
    @Message("Choose POST or PAGE.")
    String postKind();

    /** A bulk action refused for one of the ticked posts. */
    @Message("\"{title}\": {problem}")
    String deskPostProblem(String title, String problem);

    @Message("This post is in the trash; nothing was saved.")
    String autosaveTrashed();

    @Message("The copy is larger than a post may be, or holds a NUL character; nothing was saved.")
    String autosaveTooLarge();

    // the moderation queue and its API

    @Message("Search for at most {max} characters.")
    String modQuery(int max);

    @Message("Choose pending, approved, spam or trash.")
    String modStatus();

    @Message("Choose approve, unapprove, spam, not-spam, trash or restore.")
    String modAction();

    @Message("Name the comments to act on.")
    String modNoIds();

    @Message("At most {max} comments at once.")
    String modTooMany(String max);

    // the comment form

    @Message("Enter your name.")
    String guestName();

    @Message("Use at most {max} bytes for the name.")
    String guestNameLength(int max);

    @Message("Enter your email address; it is never shown.")
    String guestEmail();

    @Message("Use at most {max} bytes for the email address.")
    String guestEmailLength(int max);

    @Message("Enter an email address such as name@example.org.")
    String guestEmailFormat();

    @Message("Use at most {max} bytes for the website.")
    String guestWebsiteLength(int max);

    @Message("Enter a web address starting with https:// or http://.")
    String guestWebsiteFormat();

    @Message("This is the name of someone who writes for this site. Sign in if it is yours, or use another name.")
    String guestStaffName();

    @Message("Write a comment first.")
    String commentEmpty();

    @Message("The comment is {bytes} bytes; the limit is {max}.")
    String commentTooLong(int bytes, int max);

    @Message("The comment you reply to is not on this post, or not visible.")
    String commentParentGone();

    @Message("Comments are closed on this post.")
    String commentsClosed();

    @Message("You may not comment on this site.{#if reason} Reason: {reason}{/if}")
    String commentBanned(String reason);

    @Message("Your account is banned from commenting on this site{#if until} until {until}{/if}.{#if reason} Reason: {reason}{/if}")
    String commentAccountBanned(String until, String reason);

    @Message("Duplicate comment: you have already said that on this post.")
    String commentDuplicate();

    @Message("You are commenting too quickly. Wait {seconds} seconds and send it again.")
    String commentTooQuick(long seconds);

    @Message("Many comments are waiting for moderation just now. Wait {seconds} seconds and send yours again.")
    String commentQueueFull(long seconds);

    @Message("Comments can be changed for {minutes} minutes after posting; that time is over.")
    String commentEditWindowOver(int minutes);
}
