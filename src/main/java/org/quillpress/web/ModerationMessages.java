package org.quillpress.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the moderation pages (the queue, a comment's page, bans) and of the discussion settings, in English;
 * other languages in {@code messages/staffmod_<language>.properties}. Templates use {@code {staffmod:key}}.
 */
@MessageBundle(value = "staffmod", locale = "en")
public interface ModerationMessages {

    // Moderation: the queue, a comment's page, the bans
    @Message("Moderation")
    String modTitle();

    @Message("Comments for moderators.")
    String modDescription();

    @Message("Comments by status")
    String modByStatus();

    @Message("{#when status}{#is 'pending'}Pending{#is 'approved'}Approved{#is 'spam'}Spam{#is 'trash'}Trash{/when}")
    String modTab(String status);

    @Message("{#when status}{#is 'pending'}pending{#is 'approved'}approved{#is 'spam'}spam{#is 'trash'}trash{#else}none{/when}")
    String modStatus(String status);

    @Message("Search the queue")
    String modSearchQueue();

    @Message("Search text, name or email")
    String modSearchLabel();

    @Message("Search")
    String modSearch();

    @Message("Only comments on “{title}”")
    String modOnlyPost(String title);

    @Message("all posts")
    String modAllPosts();

    @Message("Only comments matching “{query}”")
    String modOnlyMatching(String query);

    @Message("clear the search")
    String modClearSearch();

    @Message("With the selected comments:")
    String modWithSelected();

    @Message("{#when action}{#is 'approve'}Approve{#is 'unapprove'}Unapprove{#is 'spam'}Spam{#is 'not-spam'}Not spam{#is 'trash'}Trash{#is 'restore'}Restore{#is 'delete'}Delete permanently{/when}")
    String modButton(String action);

    @Message("No {status} comments.")
    String modNone(String status);

    @Message("No {status} comments match.")
    String modNoneMatch(String status);

    @Message("More comments")
    String modMoreComments();

    @Message("Comments")
    String modNavComments();

    @Message("Select the comment by {name}")
    String modSelectComment(String name);

    @Message("Comment #{id}")
    String modCommentNo(long id);

    @Message("on")
    String modOn();

    @Message("edited {when}")
    String modEdited(String when);

    @Message("only this post")
    String modOnlyThisPost();

    @Message("In reply to {author}")
    String modInReplyTo(String author);

    @Message("Writer")
    String modWriter();

    @Message("Address")
    String modAddress();

    @Message("Signed in with")
    String modSignedInWith();

    /** How a comment's writer signed in: the provider's own name, or what "guest" and a local password mean. */
    @Message("{#when code}{#is 'guest'}no account (guest){#is 'local'}email and password{#else}{code}{/when}")
    String modProvider(String code);

    @Message("History")
    String modHistory();

    @Message("{approved} approved · {spam} spam")
    String modHistoryCounts(String approved, String spam);

    @Message("Website")
    String modWebsite();

    @Message("{#when kind}{#is 'held'}Held for moderation because:{#is 'spam'}Marked as spam because:{#else}On arrival, the pipeline noted:{/when}")
    String modReasonsHeading(String kind);

    @Message("Last decision: {action} by {actor}")
    String modLastDecision(String action, String actor);

    @Message("the pipeline")
    String modPipeline();

    /** An audit trail's action as stored (approve, ban, edited by staff…): English already. */
    @Message("{action}")
    String modDecisionAction(String action);

    @Message("the comment by {name}")
    String modTheCommentBy(String name);

    @Message("Edit, reply, ban, history")
    String modEditReplyBanHistory();

    @Message("of the comment by {name}")
    String modOfTheCommentBy(String name);

    @Message("Comment moderation")
    String modCommentTitle();

    @Message("A comment and its audit trail.")
    String modCommentDescription();

    @Message("Comment by {name}")
    String modCommentBy(String name);

    @Message("Nothing was changed. Please correct the marked field.")
    String modNothingChangedField();

    @Message("← Back to the {status} comments")
    String modBackTo(String status);

    @Message("Audit trail")
    String modAuditTrail();

    @Message("Action")
    String modActionColumn();

    @Message("Nothing recorded.")
    String modNothingRecorded();

    @Message("Earlier versions")
    String modEarlierVersions();

    @Message("Replaced {when} by {editor}")
    String modReplaced(String when, String editor);

    @Message("The text was never changed.")
    String modNeverChanged();

    @Message("Edit the text")
    String modEditText();

    @Message("Comment (Markdown)")
    String modCommentMarkdown();

    @Message("The earlier text is kept, and the change is recorded in the audit trail.")
    String modEditHint();

    @Message("Save the text")
    String modSaveText();

    @Message("Reply as staff")
    String modReplyAsStaff();

    @Message("Your reply, published at once under the comment")
    String modReplyLabel();

    @Message("Publish the reply")
    String modPublishReply();

    @Message("Ban the writer")
    String modBanWriter();

    @Message("Ban")
    String modBanLegend();

    @Message("the account")
    String modTheAccount();

    @Message("the email address {email}")
    String modTheEmail(String email);

    @Message("the network below")
    String modTheNetworkBelow();

    @Message("Network: an address, or a range such as 203.0.113.0/24")
    String modBanNetworkLabel();

    @Message("Reason (the writer sees it when refused)")
    String modBanReasonLabel();

    @Message("And move this comment to")
    String modMoveTo();

    @Message("spam")
    String modToSpam();

    @Message("the trash")
    String modToTrash();

    @Message("{count} comment{#if count != 1}s{/if}")
    String modComments(int count);

    @Message("Approved {comments}.")
    String modDoneApprove(String comments);

    @Message("Moved {comments} back to pending.")
    String modDoneUnapprove(String comments);

    @Message("Marked {comments} as spam.")
    String modDoneSpam(String comments);

    @Message("Moved {comments} out of spam, back to pending.")
    String modDoneNotSpam(String comments);

    @Message("Moved {comments} to the trash.")
    String modDoneTrash(String comments);

    @Message("Restored {comments} to pending.")
    String modDoneRestore(String comments);

    @Message("Deleted {comments} permanently.")
    String modDoneDelete(String comments);

    @Message("Kept {kept}: comments with replies, and those not in spam or the trash, stay.")
    String modDoneKept(int kept);

    @Message("Saved the new text; the earlier one is kept below.")
    String modDoneEdited();

    @Message("Your reply is published under the comment.")
    String modDoneReplied();

    @Message("The writer is banned, and the comment was moved.")
    String modDoneBanned();

    @Message("Ban added.")
    String modDoneBanAdded();

    @Message("Ban lifted.")
    String modDoneLifted();

    @Message("Bans")
    String banTitle();

    @Message("Who may not comment.")
    String banDescription();

    @Message("Banned")
    String banBanned();

    @Message("Since")
    String banSince();

    @Message("Until")
    String banUntil();

    @Message("Actions")
    String banActions();

    @Message("{#when kind}{#is 'ACCOUNT'}account{#is 'EMAIL'}email{#is 'NETWORK'}network{/when}")
    String banKind(String kind);

    @Message("{target} (account #{value})")
    String banAccountNo(String target, String value);

    @Message("never")
    String banNever();

    @Message("Lift")
    String banLift();

    @Message("the ban on {value}")
    String banTheBanOn(String value);

    @Message("No active bans.")
    String banNone();

    @Message("More bans")
    String banMore();

    @Message("← Newest bans")
    String banNewest();

    @Message("Older bans →")
    String banOlder();

    @Message("Ban an email address or a network")
    String banAddHeading();

    @Message("To ban an account, open one of its comments.")
    String banAccountHint();

    @Message("email address")
    String banEmailAddress();

    @Message("network")
    String banNetwork();

    @Message("Email address, or a network such as 203.0.113.0/24")
    String banValueLabel();

    @Message("Add the ban")
    String banAdd();

    // Discussion settings
    @Message("Discussion settings")
    String discTitle();

    @Message("Before a comment appears")
    String discBefore();

    @Message("A moderator must approve every comment")
    String discRequireApproval();

    @Message("A writer must have an approved comment already (otherwise their comment is held)")
    String discRequirePriorApproval();

    @Message("Hold a comment with this many links")
    String discLinkLimit();

    @Message("0 turns the rule off; otherwise 1 to {max}.")
    String discLinkLimitHint(int max);

    @Message("Hold terms: a comment containing one waits for a moderator")
    String discHoldTerms();

    @Message("One per line. Matched, ignoring case, inside the text, name, email, website and address.")
    String discHoldTermsHint();

    @Message("Disallowed terms: a comment containing one goes to spam")
    String discSpamTerms();

    @Message("One per line, matched the same way.")
    String discSpamTermsHint();

    @Message("Threads and limits")
    String discThreads();

    @Message("Thread depth")
    String discThreadDepth();

    @Message("How deep replies nest; a reply deeper than this joins its parent's replies. 1 to {max}.")
    String discThreadDepthHint(int max);

    @Message("Edit window (minutes)")
    String discEditWindow();

    @Message("How long writers may edit or delete their own comment. 0 to {max}.")
    String discEditWindowHint(int max);

    @Message("Close comments after (days)")
    String discCloseAfter();

    @Message("Comments close this many days after a post is published. 0 keeps them open.")
    String discCloseAfterHint();

    @Message("Flood interval (seconds)")
    String discFlood();

    @Message("One comment per writer every so many seconds. 0 to {max}.")
    String discFloodHint(int max);

    @Message("Hourly limit")
    String discHourly();

    @Message("At most this many comments per writer an hour. 1 to {max}.")
    String discHourlyHint(int max);

    @Message("Minimum seconds to write")
    String discMinSeconds();

    @Message("A form sent sooner after it was shown is taken for spam. 0 to {max}.")
    String discMinSecondsHint(int max);

    @Message("Comments per page")
    String discPerPage();

    @Message("{min} to {max}.")
    String discPerPageHint(int min, int max);

    @Message("Save discussion settings")
    String discSave();

    @Message("Discussion settings saved.")
    String discSaved();

    // What moderation says is wrong
    @Message("Use at most {max} characters for the reason.")
    String modErrReasonLength(String max);

    @Message("Only spam or trashed comments can be deleted permanently: move this one to the trash first.")
    String modErrNotDeletable();

    @Message("This comment has {replies} repl{#if replies == 1}y{#else}ies{/if}, which would lose their place in the thread: leave it in the trash instead.")
    String modErrHasReplies(long replies);

    @Message("Write the comment's text; to remove it, trash it.")
    String modErrEmptyBody();

    @Message("Only approved comments can be answered: readers would not see the reply's context.")
    String modErrReplyNotApproved();

    @Message("Staff accounts cannot be banned; change the account's role first.")
    String modErrStaffBan();

    @Message("A guest wrote this comment: ban the email address or the network.")
    String modErrGuestAccount();

    @Message("This comment has no email address: ban the account or the network.")
    String modErrNoEmail();

    @Message("Choose whether the comment goes to spam or to the trash.")
    String modErrThen();

    @Message("Ban an account from one of its comments.")
    String modErrAccountHere();

    @Message("Enter an email address such as name@example.org.")
    String modErrEmail();

    @Message("This is the email address of a staff account; change the account's role first.")
    String modErrStaffEmail();

    @Message("Enter an address such as 203.0.113.7, or a range such as 203.0.113.0/24.")
    String modErrNetwork();

    @Message("That range is too wide: use at least /8 for IPv4 and /16 for IPv6.")
    String modErrTooWide();

    @Message("Enter a number of days from 1 to {max}, or leave it empty for a ban without end.")
    String modErrDays(int max);

    @Message("Choose what to ban: the account, the email address or the network.")
    String modErrKind();

    // What the discussion settings page says is wrong
    @Message("Choose a whole number from {min} to {max}.")
    String discErrNumber(int min, int max);

    @Message("Keep each term to at most {max} characters.")
    String discErrTerm(int max);

    @Message("Use at most {max} characters for the whole list.")
    String discErrTerms(int max);
}
