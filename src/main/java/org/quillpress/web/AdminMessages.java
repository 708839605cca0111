package org.quillpress.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the administration pages (site settings, accounts, audit log, setup, backup, import and export), in
 * English; other languages in {@code messages/staffadmin_<language>.properties}. Templates use
 * {@code {staffadmin:key}}.
 */
@MessageBundle(value = "staffadmin", locale = "en")
public interface AdminMessages {

    // Site settings
    @Message("Site settings")
    String settingsTitle();

    @Message("Site title")
    String settingsSiteTitle();

    @Message("Tagline")
    String settingsTagline();

    @Message("Description (for search engines and feeds)")
    String settingsDescription();

    @Message("Posts per page")
    String settingsPerPage();

    @Message("Time zone")
    String settingsTimeZone();

    @Message("Such as Europe/Paris, America/New_York or UTC. Pages and mail show dates and times in it, and the schedule on the write page is entered in it.")
    String settingsTimeZoneHint();

    @Message("Date and time format")
    String settingsDateStyle();

    @Message("Save settings")
    String settingsSave();

    @Message("Settings saved.")
    String settingsSaved();

    // Accounts and invitations
    @Message("Accounts")
    String accTitle();

    @Message("Accounts and roles.")
    String accDescription();

    @Message("Find accounts")
    String accFind();

    @Message("Find accounts by name or email")
    String accFindLabel();

    @Message("Name")
    String accName();

    @Message("{#when role}{#is 'READER'}Reader{#is 'AUTHOR'}Author{#is 'EDITOR'}Editor{#is 'MODERATOR'}Moderator{#is 'ADMIN'}Admin{/when}")
    String roleName(String role);

    @Message("Role of {name}")
    String accRoleOf(String name);

    @Message("Set role")
    String accSetRole();

    @Message("of {name}")
    String accOf(String name);

    @Message("Banned {ban}")
    String accBanned(String ban);

    @Message("Lift ban")
    String accLiftBan();

    @Message("Reason for banning {name}")
    String accBanReason(String name);

    @Message("Days (empty: without end)")
    String accBanDays();

    @Message("Days")
    String accDays();

    @Message("Ban")
    String accBan();

    @Message("No account matches.")
    String accNoMatch();

    @Message("Invite someone")
    String accInvite();

    @Message("They get a mail with a link that works once, for a week: it lets them choose a name and a password, and brings them to their desk with the role you give them.")
    String accInviteText();

    @Message("Send the invitation")
    String accSendInvitation();

    @Message("Let readers sign up by themselves with their email (confirmed by a link)")
    String accSignUpOpen();

    @Message("Waiting for an answer")
    String accWaiting();

    @Message("No invitation is waiting.")
    String accNoneWaiting();

    @Message("Sent")
    String accSent();

    @Message("Expires")
    String accExpires();

    @Message("Revoke")
    String accRevoke();

    @Message("the invitation of {email}")
    String accTheInvitationOf(String email);

    @Message("The account is banned and signed out everywhere.")
    String accDoneBanned();

    @Message("The ban was lifted.")
    String accDoneUnbanned();

    @Message("The invitation is on its way.")
    String accDoneInvited();

    @Message("The invitation was taken back: its link no longer works.")
    String accDoneRevoked();

    @Message("Reader sign-up saved.")
    String accDoneSignUp();

    @Message("Role saved.")
    String accDoneRole();

    // The audit log
    @Message("Audit log")
    String auditTitle();

    @Message("Who did what on the site, and when.")
    String auditDescription();

    @Message("Who published, changed roles, invited, banned, changed settings, imported or exported, and when. Decisions on comments keep their own trail on each comment in the")
    String auditIntro();

    @Message("moderation queue")
    String auditQueueLink();

    @Message(".")
    String auditIntroEnd();

    @Message("Filter the log")
    String auditFilter();

    @Message("Everything")
    String auditEverything();

    @Message("Anyone")
    String auditAnyone();

    @Message("{#when kind}{#is 'POST'}Posts{#is 'ROLE'}Roles{#is 'INVITATION'}Invitations and sign-ups{#is 'BAN'}Bans{#is 'SETTINGS'}Settings{#is 'IMPORT_EXPORT'}Imports and exports{/when}")
    String auditKind(String kind);

    @Message("Subject")
    String auditSubject();

    @Message("Change")
    String auditChange();

    @Message("Nothing recorded for this filter.")
    String auditNothingForFilter();

    @Message("More entries")
    String auditMore();

    @Message("← Newer entries")
    String auditNewer();

    @Message("Older entries →")
    String auditOlder();

    // Setting up the site
    @Message("Set up your site")
    String setupTitle();

    @Message("Create the owner account.")
    String setupDescription();

    @Message("Create the owner account. The setup token is printed in the server log on start.")
    String setupIntro();

    @Message("Please correct the marked fields.")
    String setupCorrect();

    @Message("Setup token")
    String setupToken();

    @Message("Your name")
    String setupName();

    @Message("Password (at least {min} characters)")
    String setupPassword(int min);

    @Message("Create the owner account")
    String setupCreate();

    @Message("This is not the setup token. Copy it from the server log.")
    String setupWrongToken();

    // Backup
    @Message("Backup")
    String backupTitle();

    @Message("Back the site up.")
    String backupDescription();

    @Message("Backup {name} written.")
    String backupWritten(String name);

    @Message("A backup holds everything in the database (posts, comments, accounts with their password hashes, settings, subscriptions, bans, the mail outbox) as one consistent snapshot, and the media files. The site keeps running while it is written. It goes to")
    String backupIntro();

    @Message("on the server: copy it to another machine. The README says how to restore one.")
    String backupIntroEnd();

    @Message("Back up now")
    String backupNow();

    @Message("Backups in that folder")
    String backupList();

    @Message("This site runs on PostgreSQL: back it up with")
    String backupPgBefore();

    @Message("and restore with")
    String backupPgMiddle();

    @Message(", as the README says, and copy the media bucket or folder beside it.")
    String backupPgAfter();

    // WordPress import and export
    @Message("Import and export")
    String wxrTitle();

    @Message("Import a WordPress export, or export the site.")
    String wxrDescription();

    @Message("Import from WordPress")
    String wxrImportHeading();

    @Message("In WordPress, choose Tools → Export → All content, then upload the file here. Posts, pages, categories, tags, authors and comments come in; importing the same file again changes nothing. Large files are better imported from the command line (see the README).")
    String wxrIntro();

    @Message("WordPress export file (WXR, .xml)")
    String wxrFile();

    @Message("Source (optional)")
    String wxrSource();

    @Message("Everything is remembered as coming from this blog, so importing it again changes nothing. Leave it empty to use the blog's address from the file (e.g. https://name.wordpress.com); give another name to bring in a different blog with the same address.")
    String wxrSourceHelp();

    @Message("Images (optional): the path on this server of a copy of the old site’s wp-content/uploads, a folder or a .zip")
    String wxrUploads();

    @Message("The images the posts use are brought into the media library and the posts point at them.")
    String wxrUploadsHint();

    @Message("Download the images the export lists from the old site, when it is still online")
    String wxrDownload();

    @Message("Only from public addresses, each within 30 seconds and the media upload limit; what the uploads folder holds is not downloaded again.")
    String wxrDownloadHint();

    @Message("Import")
    String wxrImport();

    @Message("Imported so far")
    String wxrImportedSoFar();

    @Message("{name}: {posts} posts and pages")
    String wxrSourceCount(String name, long posts);

    @Message("Export this site")
    String wxrExportHeading();

    @Message("Everything, including commenters' email addresses: keep the file private.")
    String wxrExportIntro();

    @Message("WordPress export (WXR 1.2)")
    String wxrExportXml();

    @Message(", which WordPress's importer reads")
    String wxrExportXmlAfter();

    @Message("JSON dump")
    String wxrExportJson();

    @Message("(described in the README)")
    String wxrExportJsonAfter();

    @Message("WordPress import progress.")
    String wxrProgressDescription();

    @Message("Import of {file}")
    String wxrImportOf(String file);

    @Message("Source: {source}")
    String wxrSourceIs(String source);

    @Message("The blog's time zone: {zone}")
    String wxrTimeZoneIs(String zone);

    @Message("Importing… this page refreshes itself.")
    String wxrImporting();

    @Message("Read")
    String wxrRead();

    @Message("Import finished.")
    String wxrFinished();

    @Message("Imported")
    String wxrImported();

    @Message("Skipped")
    String wxrSkipped();

    @Message("Failed")
    String wxrFailed();

    @Message("Skipped, by reason")
    String wxrSkippedByReason();

    @Message("Skipped items")
    String wxrSkippedItems();

    @Message("Not rendered as on WordPress")
    String wxrNotRendered();

    @Message("Shortcodes of plugins stay in the posts as text; blocks without a counterpart here show their saved content or nothing.")
    String wxrNotRenderedIntro();

    @Message("{what} in {posts} post(s)")
    String wxrInPosts(String what, int posts);

    @Message("Notes")
    String wxrNotes();

    @Message("Import another file")
    String wxrAnother();

    /** A row of the import's counts, named as the report names it (Authors, Posts…): English already. */
    @Message("{kind}")
    String wxrKind(String kind);

    @Message("Choose a WordPress export file (.xml) to upload.")
    String wxrChooseFile();

    @Message("The source name can be at most {max} characters.")
    String wxrSourceTooLong(int max);

    @Message("There is no readable folder or .zip file {path} on the server.")
    String wxrNoUploads(String path);

    // What the site settings page says is wrong
    @Message("Give the site a title of at most {max} characters.")
    String settingsErrTitle(int max);

    @Message("Use at most {max} characters.")
    String errAtMost(int max);

    @Message("Choose a number from 1 to {max}.")
    String settingsErrPerPage(int max);

    @Message("Enter a time zone such as Europe/Paris, America/New_York or UTC.")
    String settingsErrTimeZone();

    // What the accounts page says about bans and roles
    @Message("until {day}")
    String accBanUntil(String day);

    @Message("without end")
    String accBanWithoutEnd();

    @Message("Choose reader, author, editor, moderator or admin.")
    String accErrRole();

    @Message("The site needs at least one admin.")
    String accErrLastAdmin();

    // What the invitation form says is wrong
    @Message("Enter an email address such as name@example.org.")
    String accErrEmail();

    @Message("Someone with this email has an account already: give them a role below.")
    String accErrHasAccount();
}
