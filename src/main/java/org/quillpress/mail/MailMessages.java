package org.quillpress.mail;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of every mail and its subject, in English; {@code messages/mail_<language>.properties} translates them.
 * Mail templates write {@code {mail:key}}; subjects come from {@code SiteLanguage.messages(MailMessages.class)}, so a
 * mail is written in the site's language.
 */
@MessageBundle(value = "mail", locale = "en")
public interface MailMessages {

    @Message("Hello {name},")
    String mailHello(String name);

    @Message("your comment on \"{title}\" was approved and is now on the site.")
    String mailApproved(String title);

    @Message("See it in the discussion")
    String mailSeeIt();

    @Message("Thank you for joining the discussion.")
    String mailThanks();

    @Message("Your comment was approved")
    String mailApprovedSubject();

    @Message("Someone, hopefully you, asked to create an account at {site} with this email.")
    String mailSignUp(String site);

    @Message("Confirm it and choose your name and password")
    String mailSignUpLink();

    @Message("To confirm it and choose your name and password, open this link within {hours} hours. It works once:")
    String mailSignUpText(long hours);

    @Message("within {hours} hours. The link works once.")
    String mailWithinHours(long hours);

    @Message("If it was not you, ignore this mail: no account is created without it.")
    String mailSignUpIgnore();

    @Message("Confirm your email for {site}")
    String mailSignUpSubject(String site);

    @Message("Someone, hopefully you, left a comment on \"{title}\" and asked to hear about new comments there by mail.")
    String mailSubscribe(String title);

    @Message("Confirm this address")
    String mailSubscribeLink();

    @Message(" to get those mails.")
    String mailSubscribeAfterLink();

    @Message("To get those mails, confirm this address:")
    String mailSubscribeText();

    @Message("If it was not you, ignore this mail: without a confirmation you will get no mail from us about it.")
    String mailSubscribeIgnore();

    @Message("The post:")
    String mailThePost();

    @Message("Confirm your subscription to comments on {title}")
    String mailSubscribeSubject(String title);

    @Message("A new comment on \"{title}\" is waiting for moderation.")
    String mailHeld(String title);

    @Message("From:")
    String mailFrom();

    @Message("Held because:")
    String mailHeldBecause();

    @Message("Approve it, or not")
    String mailApproveOrNot();

    /** With an empty title, the beginning every such subject shares. */
    @Message("New comment awaiting moderation on {title}")
    String mailHeldSubject(String title);

    @Message("Comments awaiting moderation")
    String mailDigestSubject();

    @Message("Comments keep arriving for moderation on {site}: {count} more since {since}, the latest on \"{title}\".")
    String mailDigest(String site, long count, String since, String title);

    @Message("They are waiting in the moderation queue:")
    String mailDigestQueue();

    @Message("While comments arrive this fast, you get this one summary instead of a mail for each.")
    String mailDigestWhy();

    @Message("{inviter} invites you to join {site} as {role}.")
    String mailInvitation(String inviter, String site, String role);

    @Message("Accept the invitation")
    String mailInvitationLink();

    @Message("within {days} days, then choose your name and a password. The link works once.")
    String mailInvitationWithin(long days);

    @Message("To accept, open this link within {days} days, then choose your name and a password. It works once:")
    String mailInvitationText(long days);

    @Message("If you do not want to join, ignore this mail.")
    String mailInvitationIgnore();

    @Message("{inviter} invites you to {site}")
    String mailInvitationSubject(String inviter, String site);

    @Message("{writer} commented on your post \"{title}\":")
    String mailNewComment(String writer, String title);

    @Message("Read it and reply")
    String mailReadAndReply();

    @Message("New comment on {title}")
    String mailNewCommentSubject(String title);

    @Message("{writer} commented on \"{title}\":")
    String mailNewReply(String writer, String title);

    @Message("You get this mail because you asked to hear about new comments on this post.")
    String mailNewReplyWhy();

    @Message("New reply on {title}")
    String mailNewReplySubject(String title);

    @Message("Someone, hopefully you, asked to set a new password for your account at {site}.")
    String mailReset(String site);

    @Message("within {minutes} minutes. The link works once.")
    String mailWithinMinutes(long minutes);

    @Message("To choose a new password, open this link within {minutes} minutes. It works once:")
    String mailResetText(long minutes);

    @Message("If it was not you, ignore this mail: your password stays as it is.")
    String mailResetIgnore();

    @Message("Choose a new password for {site}")
    String mailResetSubject(String site);

    @Message("{writer} replied to your comment on \"{title}\":")
    String mailReplyToYou(String writer, String title);

    @Message("Read it and answer")
    String mailReadAndAnswer();

    @Message("You get this mail because your account asks for mail about replies to your comments.")
    String mailRepliesWhy();

    @Message("(or turn \"Email me about replies to my comments\" off on your account page)")
    String mailRepliesOff();

    @Message("{writer} replied to your comment on {title}")
    String mailReplyToYouSubject(String writer, String title);

    @Message("{count} replies to your comments on {site}")
    String mailRepliesSubject(long count, String site);
}
