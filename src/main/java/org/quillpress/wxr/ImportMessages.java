package org.quillpress.wxr;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of a WordPress import's report: what an item is, why it was skipped, the notes on what changed on the
 * way in, how a broken file ended the import, and the plain-text report of the command line. A report is written
 * while the import runs, in the site's language of that moment, and kept as written. English here, other languages
 * in {@code messages/wpimport_<language>.properties}. (The XML parser's own words about a broken file stay as it
 * gives them.)
 */
@MessageBundle(value = "wpimport", locale = "en")
public interface ImportMessages {

    // what an item is

    @Message("author on line {line}")
    String authorOnLine(long line);

    @Message("author {login}")
    String author(String login);

    @Message("\"{title}\" ({type} {id}, line {line})")
    String item(String title, String type, long id, long line);

    /** The last item of a batch stored before a broken file ended the import. */
    @Message("\"{title}\" (line {line})")
    String itemAtLine(String title, long line);

    @Message("line {line}")
    String line(long line);

    @Message("(no title)")
    String noTitle();

    @Message("comment {id} by {author} on {what}")
    String comment(long id, String author, String what);

    @Message("(no name)")
    String noName();

    @Message("comment on {what}")
    String commentOn(String what);

    @Message("{#if tag}tag{#else}category{/if} \"{name}\"")
    String term(boolean tag, String name);

    @Message("term \"{name}\" ({taxonomy})")
    String otherTerm(String name, String taxonomy);

    // why an item was skipped

    @Message("no login name")
    String skipNoLogin();

    @Message("already imported")
    String skipAlreadyImported();

    @Message("already here")
    String skipAlreadyHere();

    @Message("{type}: pingbacks and trackbacks are not kept here")
    String skipPingback(String type);

    @Message("the comment type \"{type}\" has no counterpart here")
    String skipCommentType(String type);

    @Message("longer than 65,535 characters")
    String failCommentTooLong();

    @Message("attachment (a media file): remembered for galleries; its file comes into the media library from an uploads folder or a download")
    String skipAttachment();

    @Message("menu item: the navigation here is built from pages")
    String skipMenuItem();

    @Message("revision: only the current version is imported")
    String skipRevisionType();

    @Message("the post type \"{type}\" has no counterpart here")
    String skipPostType(String type);

    @Message("in WordPress's trash")
    String skipTrash();

    @Message("an automatic draft WordPress made, never saved by its author")
    String skipAutoDraft();

    @Message("a revision")
    String skipRevision();

    @Message("its post was not imported")
    String skipPostNotImported();

    @Message("the same item appears earlier in the file")
    String skipRepeated();

    @Message("the taxonomy \"{taxonomy}\" has no counterpart here")
    String skipTaxonomy(String taxonomy);

    @Message("neither its slug nor its name has a letter or digit")
    String skipNoLetter();

    // notes

    @Message("{what}: its author \"{login}\" is not among the file's authors (or is no login); it is given to {#if admin}the site's first admin{#else}the file's first author, {name} (the site has no admin yet){/if}.")
    String noteUnknownAuthor(String what, String login, boolean admin, String name);

    @Message("{what}: replies to comment {parent}, which was not imported; it starts a thread of its own.")
    String noteOrphanReply(String what, long parent);

    @Message("{what}: another item earlier in the file has the same WordPress id {id}; both are imported.")
    String noteSameId(String what, long id);

    /** The title of a post that had none; it is stored, so the site keeps it in the language of the import. */
    @Message("Untitled")
    String untitled();

    @Message("{what}: no title; it is called \"{title}\".")
    String noteUntitled(String what, String title);

    @Message("{what}: the title was cut to {max} characters.")
    String noteTitleCut(String what, int max);

    @Message("{what}: password-protected on WordPress; imported as a draft, so that neither it nor its comments are shown to anyone but its author and admins.")
    String notePasswordProtected(String what);

    @Message("{what}: private on WordPress; imported as a draft (seen only by its author and admins).")
    String notePrivate(String what);

    @Message("{what}: unknown status \"{status}\"; imported as a draft.")
    String noteUnknownStatus(String what, String status);

    @Message("{what}: no WordPress id, so a second import would bring it in again.")
    String noteNoId(String what);

    @Message("{what}: the slug \"{root}\" is taken here, so it is at \"{slug}\" (its old WordPress addresses still lead to it).")
    String noteSlugTaken(String what, String root, String slug);

    @Message("{what}: shown anew by the current rendering of WordPress content.")
    String noteRenderedAgain(String what);

    @Message("\"{title}\": its parent (WordPress id {parent}) is not in the file, so it is at the top level.")
    String noteParentMissing(String title, long parent);

    @Message("{what}: its parent \"{parent}\" is not in the file before it, so it is a top-level category.")
    String noteCategoryParentMissing(String what, String parent);

    @Message("{#if named}named in the export{#else}judged from {dates} dates WordPress wrote in both the blog's time and UTC{/if}")
    String timeZoneHow(boolean named, int dates);

    @Message("The blog's time zone is {zone} ({how}); it is now the site's time zone.")
    String noteTimeZoneAdopted(String zone, String how);

    @Message("The blog's time zone is {zone} ({how}); the site keeps its own, {current}, which an admin can change in the site settings.")
    String noteTimeZoneKept(String zone, String how, String current);

    @Message("This import was taken over by another instance after the one running it stopped answering; the file was read again from the start, so what had been stored already counts as already imported (skipped).")
    String noteTakenOver();

    @Message("The old site's uploads, {uploads}, are not on the server that finished this import: bring the images in by importing the file again there.")
    String noteUploadsElsewhere(String uploads);

    @Message("{#if folder && downloading}Images from the uploads folder and the old site{#else if downloading}Images downloaded from the old site{#else}Images from the uploads folder{/if}: {imported} imported, {missing} missing, {refused} refused, {rewritten} addresses rewritten in {posts} posts.{#if downloading} Downloads: {downloaded} downloaded, {failed} failed.{/if}{#if unreferenced > 0} {unreferenced} attachment(s) no post shows are in the media library all the same, with their descriptions and captions.{/if}")
    String noteImages(boolean folder, boolean downloading, int imported, int missing, int refused, int rewritten,
            int posts, int downloaded, int failed, int unreferenced);

    @Message("{what} failed: {reason}")
    String failedItem(String what, String reason);

    /** What the report lists galleries and images under whose files are not in the media library. */
    @Message("gallery or image not in the media library (it still points at the old site)")
    String notInLibrary();

    @Message("\"{title}\" ({images} image(s))")
    String postImages(String title, long images);

    // how an import ended early

    @Message("This is not a WordPress export: it starts with <{element}> instead of <rss><channel>.")
    String notAnExport(String element);

    @Message("This is not a WordPress export: there is no <channel>.")
    String noChannel();

    @Message("The file ends inside an <item>.")
    String endsInItem();

    @Message("The file ends inside an element.")
    String endsInElement();

    /** Where the XML parser stopped; {@code column} 0 when it does not say. */
    @Message("The XML is broken{#if column > 0} at column {column}{/if}: a tag not closed or not matching, a character XML does not allow, or the file cut short.")
    String notWellFormed(int column);

    @Message("The entity &{entity}; is not allowed (DTDs and entities are switched off).")
    String entityRefused(String entity);

    @Message("Nothing from this file was stored.")
    String keptNothing();

    @Message("The first {batches} batch(es) of up to {size} items were stored, up to and including {last}; nothing after that (the batch being read when the error came was not stored).")
    String keptBatches(int batches, int size, String last);

    @Message("The file is not a well-formed WordPress export at line {line}: {problem} {kept}")
    String failMalformed(long line, String problem, String kept);

    @Message("The import stopped on an unexpected error ({problem}). {batches} complete batch(es) were stored.")
    String failUnexpected(String problem, int batches);

    @Message("The uploaded file could not be read.")
    String failUnreadable();

    // the report's lists and its plain text

    @Message("… and {count} more (counted by reason above)")
    String moreSkipped(int count);

    @Message("… and {count} more notes")
    String moreNotes(int count);

    @Message("Source: {source}")
    String textSource(String source);

    @Message("Time zone: {zone}")
    String textTimeZone(String zone);

    @Message("imported")
    String textImported();

    @Message("skipped")
    String textSkipped();

    @Message("failed")
    String textFailed();

    @Message("Skipped, by reason:")
    String textByReason();

    @Message("Skipped items:")
    String textSkippedItems();

    @Message("Not rendered as on WordPress (shortcodes stay as text):")
    String textNotRendered();

    @Message("{what} in {posts} post(s): ")
    String textInPosts(String what, int posts);

    @Message("Notes:")
    String textNotes();

    @Message("FAILED: {error}")
    String textFailedBecause(String error);
}
