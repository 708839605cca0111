package org.quillpress.web;

import java.time.ZoneId;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the staff pages: writing, the desk, revisions, the media library, the staff navigation, and what
 * several staff pages share; in English, other languages in {@code messages/staff_<language>.properties}. Templates
 * use {@code {staff:key}}; Java asks {@link StaffText}. Moderation and administration have their own bundles
 * ({@link ModerationMessages}, {@link AdminMessages}): Qute 3.31 generates broken code for a bundle of more than
 * 300 messages.
 */
@MessageBundle(value = "staff", locale = "en")
public interface StaffMessages {

    // Shared by several pages
    @Message("Save")
    String save();

    @Message("Apply")
    String apply();

    @Message("Show")
    String show();

    @Message("Find")
    String find();

    @Message("Preview")
    String preview();

    @Message("Reason")
    String reason();

    @Message("Reason (optional)")
    String reasonOptional();

    @Message("Email")
    String email();

    @Message("Role")
    String role();

    @Message("Title")
    String title();

    @Message("Author")
    String author();

    @Message("Category")
    String category();

    @Message("Status")
    String status();

    @Message("Caption")
    String caption();

    @Message("Alt text")
    String altText();

    @Message("When")
    String when();

    @Message("Who")
    String who();

    @Message("What")
    String what();

    @Message("Kind")
    String kind();

    @Message("Delete permanently")
    String deletePermanently();

    @Message("Move to trash")
    String moveToTrash();

    @Message("Restore")
    String restore();

    @Message("Revisions")
    String revisions();

    @Message("Nothing was saved. Please correct the marked fields.")
    String nothingSavedCorrectFields();

    @Message("← First page")
    String firstPage();

    @Message("Next page →")
    String nextPage();

    @Message("For how many days (empty: without end)")
    String banDays();

    @Message("Write a post")
    String writeAPost();

    @Message("Write a page")
    String writeAPage();

    @Message("Posts and pages")
    String postsAndPages();

    // Write page
    @Message("Edit")
    String writeTitleEdit();

    @Message("Write")
    String writeTitleWrite();

    @Message("Write and publish.")
    String writeDescription();

    @Message("Edit page")
    String writeEditPage();

    @Message("Edit post")
    String writeEditPost();

    @Message("Write a new page")
    String writeNewPage();

    @Message("Write a new post")
    String writeNewPost();

    @Message("Nothing was saved. Please correct:")
    String writeNothingSaved();

    @Message("Body (Markdown)")
    String writeBody();

    @Message("Markdown: **bold**, *italic*, [links](https://example.org), lists, tables, `code`.")
    String writeBodyHint();

    @Message("Images: upload them in the")
    String writeImagesBefore();

    @Message("media library")
    String writeImagesLink();

    @Message("(opens beside this page) and paste the Markdown it gives.")
    String writeImagesAfter();

    @Message("Images from other sites")
    String writeExternalImages();

    @Message("They load from the other site, which may change or remove them. A copy in the library is resized for every screen and stays; the body then uses its address.")
    String writeExternalImagesHint();

    @Message("Copy into the library")
    String writeCopyIntoLibrary();

    @Message("Featured image (on the home page, the post’s top and its social card)")
    String writeFeaturedImage();

    @Message("(none)")
    String writeNone();

    @Message("…or paste its /media address from the library")
    String writeFeaturedImageUrl();

    @Message("Excerpt (optional; the first paragraph when empty)")
    String writeExcerpt();

    @Message("Parent page")
    String writeParent();

    @Message("(none: a top-level page)")
    String writeNoParent();

    @Message("Position in the navigation")
    String writeMenuOrder();

    @Message("Tags (separated by commas)")
    String writeTags();

    @Message("Main category (the post is \"posted in\" it)")
    String writeMainCategory();

    @Message("Also in these categories")
    String writeAlsoIn();

    @Message("Slug (the address; made from the title when empty)")
    String writeSlug();

    @Message("Draft")
    String statusDraft();

    @Message("Scheduled")
    String statusScheduled();

    @Message("Published")
    String statusPublished();

    @Message("Trash")
    String statusTrash();

    @Message("All")
    String statusAll();

    @Message("Publish at ({zone} time; for scheduled posts, or to backdate)")
    String writePublishAt(ZoneId zone);

    @Message("Allow comments")
    String writeAllowComments();

    @Message("More for this page")
    String writeMoreForPage();

    @Message("More for this post")
    String writeMoreForPost();

    @Message("All posts and pages")
    String writeAllPostsAndPages();

    @Message("You have changes from")
    String writeAutosaveBefore();

    @Message("that were not saved.")
    String writeAutosaveAfter();

    @Message("Put them back in the editor")
    String writeAutosaveRestore();

    @Message("Keep the saved text")
    String writeAutosaveDismiss();

    @Message("This is in the trash: readers get “gone” at its address. Restore it to change it.")
    String writeInTrash();

    @Message("Restore from the trash")
    String writeRestoreFromTrash();

    @Message("Delete permanently, with its comments")
    String writePurge();

    @Message("Not copied: {reason}")
    String writeNotCopied(String reason);

    // The desk: posts and pages
    @Message("Your posts and pages.")
    String deskDescription();

    @Message("Nothing was changed:")
    String deskNothingChanged();

    @Message("Posts by status")
    String deskByStatus();

    @Message("Search and filter posts")
    String deskSearchFilter();

    @Message("Search titles")
    String deskSearchTitles();

    @Message("Everyone")
    String deskEveryone();

    @Message("Any")
    String deskAny();

    @Message("Tag (slug)")
    String deskTagSlug();

    @Message("Order")
    String deskOrder();

    @Message("Last changed")
    String deskLastChanged();

    @Message("Published")
    String deskSortPublished();

    @Message("Nothing here.")
    String deskNothingHere();

    @Message("Nothing here matches.")
    String deskNothingMatches();

    @Message("With the selected posts:")
    String deskWithSelected();

    @Message("(category)")
    String deskCategoryOption();

    @Message("Select")
    String deskSelect();

    @Message("Category and tags")
    String deskCategoryAndTags();

    @Message("Select {title}")
    String deskSelectRow(String title);

    @Message("(page)")
    String deskPageMark();

    @Message("Edit")
    String deskEdit();

    @Message("View")
    String deskView();

    @Message("More posts")
    String deskMorePosts();

    @Message("{#when status}{#is 'DRAFT'}draft{#is 'SCHEDULED'}scheduled{#is 'PUBLISHED'}published{#is 'TRASHED'}trash{/when}")
    String deskStatus(String status);

    @Message("trash (was {was})")
    String deskTrashWas(String was);

    @Message("Publish")
    String deskPublish();

    @Message("Change category to…")
    String deskChangeCategory();

    @Message("The selected posts are published.")
    String deskDonePublish();

    @Message("Moved to the trash. Restore from here if that was a mistake.")
    String deskDoneTrash();

    @Message("Restored from the trash.")
    String deskDoneRestore();

    @Message("Deleted permanently, with their comments.")
    String deskDonePurge();

    @Message("The selected posts have their new category.")
    String deskDoneCategory();

    // A post's revisions
    @Message("Revisions of {title}")
    String revTitle(String title);

    @Message("Revisions of a post.")
    String revDescription();

    @Message("Revisions of “{title}”")
    String revHeading(String title);

    @Message("Back to the editor")
    String revBackToEditor();

    @Message("All posts")
    String revAllPosts();

    @Message("This post is in the trash: restore it before restoring one of its revisions.")
    String revInTrash();

    @Message("Nothing was restored:")
    String revNothingRestored();

    @Message("Changes from {from} ({fromEditor}) to {to} ({toEditor})")
    String revChanges(String from, String fromEditor, String to, String toEditor);

    @Message("a deleted account")
    String revDeletedAccount();

    @Message("These two revisions have the same text.")
    String revSame();

    @Message("Body")
    String revBody();

    @Message("Excerpt")
    String revExcerpt();

    @Message("From")
    String revFrom();

    @Message("To")
    String revTo();

    @Message("Saved")
    String revSaved();

    @Message("By")
    String revBy();

    @Message("Compare from this revision")
    String revCompareFrom();

    @Message("Compare to this revision")
    String revCompareTo();

    @Message("(restored)")
    String revRestoredMark();

    @Message("Restore this")
    String revRestoreThis();

    @Message("Compare")
    String revCompare();

    // The media library
    @Message("Media")
    String mediaTitle();

    @Message("The media library.")
    String mediaDescription();

    @Message("Upload an image")
    String mediaUploadHeading();

    @Message("Image (JPEG, PNG, GIF or WebP)")
    String mediaFileLabel();

    @Message("It is resized and its metadata (camera, location) removed.")
    String mediaFileHint();

    @Message("Alt text (what the image shows, for readers who cannot see it)")
    String mediaAltLabel();

    @Message("Upload")
    String mediaUpload();

    @Message("Library")
    String mediaLibrary();

    @Message("Find images")
    String mediaFindImages();

    @Message("Find images by name, alt text or caption")
    String mediaFindLabel();

    @Message("Markdown for a post")
    String mediaMarkdown();

    @Message("Replace with another file (the posts that show it show the new one)")
    String mediaReplaceLabel();

    @Message("Replace")
    String mediaReplace();

    @Message("Delete")
    String mediaDelete();

    @Message("Alt text: {alt}")
    String mediaAltIs(String alt);

    @Message("Caption: {caption}")
    String mediaCaptionIs(String caption);

    @Message("No image matches “{query}”.")
    String mediaNoMatch(String query);

    @Message("No images yet.")
    String mediaNone();

    @Message("Image uploaded.")
    String mediaUploaded();

    @Message("Image deleted.")
    String mediaDeleted();

    @Message("Image replaced: the posts that show it show the new one.")
    String mediaReplaced();

    @Message("Saved.")
    String mediaSaved();

    // The admin navigation
    @Message("Admin")
    String navAdmin();

    @Message("Settings")
    String navSettings();

    @Message("Categories")
    String navCategories();

    @Message("Tags")
    String navTags();

    @Message("Discussion")
    String navDiscussion();

    // What the write page says is wrong with a post
    @Message("This post is in the trash. Restore it from the trash before changing it.")
    String postErrTrashed();

    @Message("Someone else saved this post since you opened it. Your text is below; copy what you need and reload.")
    String postErrVersion();

    @Message("Give the post a title.")
    String postErrNoTitle();

    @Message("Use at most {max} characters (this one has {length}).")
    String postErrTitleLength(int max, int length);

    @Message("The body is {kb} KB; the limit is 1 MB.")
    String postErrBodySize(int kb);

    @Message("Use at most {max} characters.")
    String postErrExcerptLength(int max);

    @Message("Choose DRAFT, SCHEDULED or PUBLISHED.")
    String postErrStatus();

    @Message("Write something before publishing.")
    String postErrEmptyBody();

    @Message("Give a date and time such as 2026-12-24T09:30 (UTC) or 2026-12-24T09:30:00Z.")
    String postErrPublishAtFormat();

    @Message("Choose when the post should be published.")
    String postErrNoPublishAt();

    @Message("Choose a time in the future, or publish now.")
    String postErrPublishAtPast();

    @Message("There is no category \"{name}\". An editor or an admin can add it.")
    String postErrNoCategory(String name);

    @Message("There is no page with the slug \"{slug}\".")
    String postErrNoParent(String slug);

    @Message("A page cannot be placed under itself.")
    String postErrParentSelf();

    @Message("Use lower-case letters, digits and single hyphens, such as my-first-post.")
    String postErrSlugFormat();

    @Message("Another post or page already uses \"{slug}\".")
    String postErrSlugTaken(String slug);

    @Message("\"{slug}\" is one of the site's own addresses; choose another.")
    String postErrSlugReserved(String slug);

    @Message("Choose an image of the media library, by its id or its /media address.")
    String postErrFeaturedImage();

    @Message("Choose at most {max} categories.")
    String postErrTooManyCategories(int max);

    @Message("Each tag may have at most {max} characters.")
    String postErrTagLength(int max);

    @Message("The tag \"{name}\" needs at least one letter or digit.")
    String postErrTagNoLetter(String name);

    @Message("Use at most {max} tags.")
    String postErrTooManyTags(int max);

    // What the bulk forms say is wrong
    @Message("Select at least one post first.")
    String deskErrNoneSelected();

    @Message("Select at most {max} posts at once.")
    String deskErrTooMany(int max);

    @Message("Choose the category to move the posts to.")
    String deskErrNoCategory();

    @Message("The selection is damaged: reload the page.")
    String errSelectionDamaged();

    @Message("Select at least one comment first.")
    String modErrNoneSelected();

    @Message("Select at most {max} comments at once.")
    String modErrTooMany(int max);

    // What the media library says is wrong
    @Message("This file is already in the library as “{name}”. Use that image, or delete it first.")
    String mediaErrDuplicate(String name);

    @Message("Still used by {users}. Remove it from those first.")
    String mediaErrInUse(String users);

    @Message("At most {max} characters.")
    String mediaErrLength(int max);

    @Message("Contains a character that cannot be stored.")
    String mediaErrCharacter();

    // What the revisions page and the trash say is wrong
    @Message("This post has no such revision.")
    String revErrNoSuchRevision();

    @Message("Send the version of the post you are restoring over.")
    String revErrNoVersion();

    @Message("This post is in the trash. Restore the post from the trash before restoring one of its revisions.")
    String revErrTrashed();

    @Message("Only a post in the trash can be deleted permanently. Move it to the trash first.")
    String deskErrPurgeNotTrashed();

    // What the write page's scripts say (a %s is the file's name)
    @Message("Draft copy kept at")
    String writeAutosaveKept();

    @Message("The draft copy could not be kept")
    String writeAutosaveFailed();

    @Message("Offline: the draft copy will be kept when the connection is back.")
    String writeAutosaveOffline();

    @Message("Uploading %s…")
    String writeUploading();

    @Message("Inserted %s; give it alt text between the brackets.")
    String writeInserted();

    @Message("The upload failed.")
    String writeUploadFailed();

    // What the media library says about an uploaded file
    @Message("The file is empty.")
    String mediaErrEmpty();

    @Message("The file is larger than {mb} MB, the limit for images.")
    String mediaErrTooLarge(long mb);

    @Message("Only JPEG, PNG, GIF and WebP images can be uploaded, not {format}.")
    String mediaErrFormat(String format);

    @Message("The image has {megapixels} megapixels; the limit is {max}.")
    String mediaErrPixels(long megapixels, long max);

    @Message("SVG images are not accepted: they can carry scripts. Upload a PNG instead.")
    String mediaErrSvg();

    @Message("The file is not an image (JPEG, PNG, GIF or WebP).")
    String mediaErrNotImage();

    @Message("The image is damaged or cut off and cannot be read.")
    String mediaErrCorrupt();
}
