package org.quillpress.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of a reader's own pages (account, two-factor sign-in, accepting an invitation), of the categories and
 * tags pages, and the messages of account checks, in English; {@code messages/acct_<language>.properties} translates
 * them. Kept apart from {@link Messages} only to keep each bundle small: templates write {@code {acct:key}}, Java
 * asks {@code SiteLanguage.messages(AccountMessages.class)}.
 */
@MessageBundle(value = "acct", locale = "en")
public interface AccountMessages {

    @Message("Your account")
    String acctTitle();

    @Message("Your profile, password and access tokens.")
    String acctDescription();

    @Message("Your new token “{name}”:")
    String acctNewToken(String name);

    @Message("It is shown only this once.")
    String acctTokenOnce();

    @Message("Send it as")
    String acctSendAs();

    @Message("Profile")
    String acctProfile();

    @Message("Display name")
    String acctDisplayName();

    @Message("Bio (shown under your posts)")
    String acctBio();

    @Message("Website")
    String acctWebsite();

    @Message("Email: {email}. It is never shown to anyone.")
    String acctEmail(String email);

    @Message("Email: (none). It is never shown to anyone.")
    String acctEmailNone();

    @Message("Save profile")
    String acctSaveProfile();

    @Message("Ways to sign in")
    String acctWays();

    @Message("since")
    String acctSince();

    @Message("Remove")
    String acctRemove();

    @Message("Link another account, then sign in with either: your comments, trust and role stay the same.")
    String acctLinkIntro();

    @Message("Link {label}")
    String acctLink(String label);

    @Message("Notifications")
    String acctNotifications();

    @Message("Email me about replies to my comments")
    String acctNotifyReplies();

    @Message("No email address is known for this account, so no mail can be sent.")
    String acctNoEmailKnown();

    @Message("Save notifications")
    String acctSaveNotifications();

    @Message("Current password")
    String acctCurrentPassword();

    @Message("Change password")
    String acctChangePassword();

    @Message("Two-factor sign-in")
    String acctTwoFactorLink();

    @Message(": a code from an authenticator app as well as the password.")
    String acctTwoFactorWhat();

    @Message("Personal access tokens")
    String acctTokens();

    @Message("For scripts that use the JSON API")
    String acctTokensIntro();

    @Message("OpenAPI description")
    String acctOpenApi();

    @Message("A token acts as you.")
    String acctTokenActsAsYou();

    @Message("Name")
    String acctName();

    @Message("Created")
    String acctCreated();

    @Message("Last used")
    String acctLastUsed();

    @Message("Actions")
    String acctActions();

    @Message("never")
    String acctNever();

    @Message("Revoke")
    String acctRevoke();

    @Message("New token name")
    String acctNewTokenName();

    @Message("Create token")
    String acctCreateToken();

    @Message("Sessions")
    String acctSessions();

    @Message("Sign out everywhere")
    String acctSignOutEverywhere();

    @Message("Your data")
    String acctData();

    @Message("Download my data")
    String acctDownload();

    @Message("(JSON: your profile, ways to sign in and every comment you wrote).")
    String acctDownloadWhat();

    @Message("Delete my account")
    String acctDelete();

    @Message("Your account and every way to sign in to it are deleted for good. Choose what happens to your comments:")
    String acctDeleteIntro();

    @Message("Your comments")
    String acctYourComments();

    @Message("Keep them, shown as written by “deleted user”")
    String acctKeep();

    @Message("Remove their text; replies by others stay in place")
    String acctRemoveText();

    @Message("I understand that this cannot be undone")
    String acctUnderstand();

    @Message("Your profile was saved.")
    String acctSaved();

    @Message("Your password was changed.")
    String acctPasswordChanged();

    @Message("The token was revoked.")
    String acctTokenRevoked();

    @Message("The new way to sign in was linked to your account.")
    String acctLinked();

    @Message("That way to sign in was removed.")
    String acctUnlinked();

    @Message("Your notification preference was saved.")
    String acctNotificationsSaved();

    @Message("Token created. Copy it now: it will not be shown again.")
    String acctTokenCreated();

    @Message("That {label} account already signs in to another account here, so it was not linked.")
    String acctLinkRefused(String label);

    @Message("Email and password")
    String acctEmailAndPassword();

    @Message("Two-factor sign-in")
    String tfTitle();

    @Message("An authenticator app as a second step when signing in.")
    String tfDescription();

    @Message("Your recovery codes")
    String tfRecoveryCodes();

    @Message("Each works once instead of a code from the app, if you lose your phone. Keep them somewhere safe: they are shown only now.")
    String tfRecoveryIntro();

    @Message("Back to your account")
    String tfBackToAccount();

    @Message("On: signing in with your password also asks for a code from your authenticator app. {left} recovery codes are left.")
    String tfOn(long left);

    @Message("A current code, to turn it off")
    String tfDisableCode();

    @Message("Turn two-factor sign-in off")
    String tfTurnOff();

    @Message("Scan this with your authenticator app, or type the key into it, then enter the code it shows.")
    String tfScan();

    @Message("QR code of the key")
    String tfQrAlt();

    @Message("Key:")
    String tfKey();

    @Message("Code from the app")
    String tfCodeFromApp();

    @Message("Turn it on")
    String tfTurnOn();

    @Message("Off. With it on, signing in with your password also asks for a six-digit code from an authenticator app on your phone, so a stolen password alone opens nothing. Recommended for everyone who writes, edits or moderates.")
    String tfOff();

    @Message("Set it up")
    String tfSetUp();

    @Message("Two-factor sign-in is off.")
    String tfIsOff();

    @Message("Two-factor sign-in is on.")
    String tfIsOn();

    @Message("Choose your name and password")
    String accTitle();

    @Message("Choose your name and a password.")
    String accDescription();

    @Message("Accept your invitation")
    String accInvitation();

    @Message("You are invited to join as")
    String accInvitedAs();

    @Message(", signing in with")
    String accSigningInWith();

    @Message(". Choose the name to show on your work and a password.")
    String accChooseWork();

    @Message("Finish signing up")
    String accFinish();

    @Message("Your email")
    String accEmailConfirmed();

    @Message("is confirmed. Choose the name to show on your comments and a password.")
    String accIsConfirmed();

    @Message("You are signed in as")
    String accSignedInAs();

    @Message("Join as {role} with this account")
    String accJoinWithThis(String role);

    @Message("Or make a new account")
    String accOrNew();

    @Message("Or with your email and a password")
    String accOrEmail();

    @Message("Your name")
    String accYourName();

    @Message("Password (at least {min} characters)")
    String accPassword(int min);

    @Message("Join")
    String accJoin();

    @Message("Create my account")
    String accCreate();

    @Message("Enter the name to show on your posts.")
    String errNameOnPosts();

    @Message("Enter the name to show on your posts and comments.")
    String errNameOnPostsAndComments();

    @Message("An account with this email exists already.")
    String errEmailTaken();

    @Message("This {label} account already signs in to another account here. Sign in with it and delete that account first if you want to move it to this one.")
    String errIdentityTaken(String label);

    @Message("This is your only way to sign in: link another one before removing it.")
    String errOnlyWay();

    @Message("This account is banned.")
    String errBanned();

    @Message("This account is banned until {until}.")
    String errBannedUntil(String until);

    @Message("This account is banned: {reason}")
    String errBannedReason(String reason);

    @Message("This account is banned until {until}: {reason}")
    String errBannedUntilReason(String until, String reason);

    @Message("You have written posts or pages: ask an admin to hand them to someone else first.")
    String errHasPosts();

    @Message("You are the only admin: make someone else admin first.")
    String errOnlyAdmin();

    @Message("Enter an address starting with https:// or http:// (at most {max} characters).")
    String errWebsite(int max);

    @Message("This account has no password.")
    String errNoPassword();

    @Message("The current password is not right.")
    String errCurrentPassword();

    @Message("Choose what happens to your comments.")
    String errChooseComments();

    @Message("Tick the box to confirm that the account goes for good.")
    String errTickToConfirm();

    @Message("Name the token (at most {max} characters), e.g. \"import script\".")
    String errTokenName(int max);

    @Message("Two-factor sign-in is on already.")
    String errTwoFactorOn();

    @Message("Start setting up again.")
    String errStartAgain();

    @Message("That code does not match: check the app's clock and type the six digits it shows now.")
    String errCodeClock();

    @Message("That code does not match.")
    String errCodeNoMatch();

    @Message("Categories.")
    String termsCategories();

    @Message("Tags.")
    String termsTags();

    @Message("Manage a category.")
    String termsManageCategory();

    @Message("Manage a tag.")
    String termsManageTag();

    @Message("Subcategories are listed under their parent, each level marked with a dash. A category's page shows its subcategories' posts too.")
    String termsLevels();

    @Message("Name")
    String termsName();

    @Message("Slug")
    String termsSlug();

    @Message("Posts")
    String termsPosts();

    @Message("(level {level})")
    String termsLevel(int level);

    @Message("Manage")
    String termsManage();

    @Message("Add a category")
    String termsAddCategory();

    @Message("Parent")
    String termsParent();

    @Message("(none: a top-level category)")
    String termsNoParent();

    @Message("Description")
    String termsDescription();

    @Message("Add category")
    String termsAdd();

    @Message("Category “{name}”")
    String termsCategoryHeading(String name);

    @Message("Tag “{name}”")
    String termsTagHeading(String name);

    @Message("All categories")
    String termsAllCategories();

    @Message("All tags")
    String termsAllTags();

    @Message("Its page")
    String termsItsPage();

    @Message("{#if count == 1}1 post{#else}{count} posts{/if}")
    String termsPostCount(long count);

    @Message("directly in it")
    String termsDirectly();

    @Message("Nothing was changed. Please correct:")
    String termsNothingChanged();

    @Message("Rename")
    String termsRename();

    @Message("Slug (a new one keeps the old address redirecting)")
    String termsSlugHint();

    @Message("Save")
    String termsSave();

    @Message("Move")
    String termsMove();

    @Message("Merge into another category")
    String termsMergeCategory();

    @Message("Merge into (its posts and its address go there; its subcategories move up)")
    String termsMergeCategoryInto();

    @Message("(choose)")
    String termsChoose();

    @Message("Merge")
    String termsMerge();

    @Message("Delete")
    String termsDelete();

    @Message("Move its posts to")
    String termsMovePostsTo();

    @Message("Delete “{name}”")
    String termsDeleteNamed(String name);

    @Message("Merge into another tag")
    String termsMergeTag();

    @Message("Merge into (its posts and its address go there)")
    String termsMergeTagInto();

    @Message("No tags yet; authors add them as they write.")
    String termsNoTags();

    @Message("Categories saved.")
    String termsCategoriesSaved();

    @Message("Tags saved.")
    String termsTagsSaved();
}
