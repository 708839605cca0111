package org.quillpress.feed;

/**
 * Every sentence a feed shows that is not the site's own content, each in one place, so that they can be
 * translated together.
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
        return "Posts tagged " + tag + ".";
    }

    /** What a category's feed holds when the category has no description. */
    static String postsIn(String category) {
        return "Posts in " + category + ".";
    }

    /** What an author's feed holds. */
    static String postsBy(String author) {
        return "Posts by " + author + ".";
    }

    /** The title of a comment feed: of a post's comments, or of the whole site's. */
    static String commentsOn(String title) {
        return "Comments on " + title;
    }

    /** The title of one comment in a comment feed. */
    static String commentBy(String writer, String postTitle) {
        return writer + " on " + postTitle;
    }
}
