package org.quillpress.comment;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the discussion's pages (the thread, the comment form, the author box, the reply and edit pages),
 * English here, other languages in {@code messages/discussion_<language>.properties}. Templates write them as
 * {@code {discussion:key}}; each is a Qute template of its own, whose result the page escapes.
 */
@MessageBundle("discussion")
public interface DiscussionMessages {

    // the thread

    @Message("{#if count == 0}No comments yet{#else if count == 1}1 comment{#else}{count} comments{/if}")
    String commentCount(long count);

    @Message("Comment pages")
    String commentPages();

    @Message("← Older comments")
    String olderComments();

    @Message("Newer comments →")
    String newerComments();

    @Message("Page {page} of {pages}")
    String pageOf(int page, int pages);

    @Message("signed in with")
    String signedInWith();

    @Message("Post author")
    String postAuthor();

    @Message("Staff")
    String staff();

    @Message("(edited)")
    String edited();

    @Message("in reply to")
    String inReplyTo();

    @Message("Your comment is awaiting moderation.")
    String awaitingModeration();

    @Message("Reply")
    String reply();

    /** Read after "Reply" by screen readers: which comment the link answers. */
    @Message("to {name}")
    String replyToHidden(String name);

    @Message("Edit or delete")
    String editOrDelete();

    @Message("your comment")
    String editOrDeleteHidden();

    @Message("{#if count == 1}1 reply{#else}{count} replies{/if} to {name}")
    String repliesTo(int count, String name);

    // the comment form

    @Message("Leave a reply")
    String leaveReply();

    @Message("Reply to {name}")
    String replyTo(String name);

    @Message("Reply to a comment")
    String replyToComment();

    @Message("Your comment was not posted:")
    String notPosted();

    @Message("Cancel reply")
    String cancelReply();

    @Message("Commenting as")
    String commentingAs();

    @Message("Sign out")
    String signOut();

    @Message("Change")
    String change();

    @Message("account")
    String changeHidden();

    @Message("Fill in your details below, or sign in with an account you already have; what you typed stays in the form.")
    String signInNote();

    @Message("Sign in with {provider}")
    String signInWith(String provider);

    @Message("Your email address will not be published. Fields marked * are required.")
    String emailNotPublished();

    @Message("Name *")
    String nameLabel();

    @Message("Email *")
    String emailLabel();

    @Message("Website")
    String websiteLabel();

    @Message("Comment *")
    String commentLabel();

    @Message("Markdown works: *emphasis*, **bold**, [a link](https://example.org), lists, `code`. No images or HTML.")
    String markdownHint();

    @Message("Leave this field empty")
    String honeypot();

    @Message("Notify me of follow-up comments by email")
    String notifyReplies();

    @Message("Comment preview")
    String commentPreview();

    @Message("Preview")
    String preview();

    @Message("Post comment")
    String postComment();

    // the reply and edit pages

    @Message("On")
    String on();

    @Message("{name} wrote:")
    String wrote(String name);

    @Message("Edit your comment")
    String editTitle();

    @Message("Edit your comment.")
    String editDescription();

    @Message("Comment")
    String comment();

    @Message("Save changes")
    String saveChanges();

    @Message("Cancel")
    String cancel();

    @Message("Delete this comment")
    String deleteComment();

    // the author box

    /** Before the author's linked name in the author box's heading: "About Ada Okafor". */
    @Message("About")
    String about();

    @Message("View all posts by {name}")
    String allPostsBy(String name);
}
