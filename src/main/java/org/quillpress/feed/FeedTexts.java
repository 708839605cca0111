package org.quillpress.feed;

import org.quillpress.web.SiteLanguage;

/**
 * Every sentence a feed shows that is not the site's own content, each in one place, in the site's language
 * ({@link SiteLanguage}).
 */
final class FeedTexts {

    private FeedTexts() {
    }

    /** The title of a tag's, category's or author's feed: the name, then the site's title. */
    static String ofSite(String name, String siteTitle) {
        return name + " · " + siteTitle;
    }

    /** What a tag's feed holds. */
    static String postsTagged(String tag) {
        return SiteLanguage.messages().archiveTagged(tag);
    }

    /** What a category's feed holds when the category has no description. */
    static String postsIn(String category) {
        return SiteLanguage.messages().archiveInCategory(category);
    }

    /** What an author's feed holds. */
    static String postsBy(String author) {
        return SiteLanguage.messages().archiveBy(author);
    }

    /** The title of a comment feed: of a post's comments, or of the whole site's. */
    static String commentsOn(String title) {
        return SiteLanguage.messages().commentsFeedTitle(title);
    }

    /** The title of one comment in a comment feed. */
    static String commentBy(String writer, String postTitle) {
        return SiteLanguage.messages().feedCommentEntry(writer, postTitle);
    }
}
