package org.quillpress.web;

import java.util.Set;

import io.quarkus.qute.TemplateExtension;

/**
 * What the site's own addresses look like, and which first path segments they take, so that no page slug
 * can shadow them. Views, redirects, feeds, mail and templates ({@code {paths:post(slug)}}) build their
 * links here.
 */
@TemplateExtension(namespace = "paths")
public final class Paths {

    /**
     * First path segments a standalone page at /{slug} may not take: the roots of the site's routes (a test
     * compares them with every resource's real root), the static folders, Quarkus' /q, and a few kept for
     * addresses that are not routes (yet).
     */
    public static final Set<String> RESERVED = Set.of("account", "accounts", "admin", "api", "archive", "author", "authors",
            "avatars", "categories", "category", "comments", "css", "feed", "img", "invitations", "js", "login", "logout",
            "media", "moderation", "pages", "password", "posts", "q", "rss", "search", "setup", "signup", "sitemap",
            "subscribe", "subscriptions", "tag", "tags", "two-factor", "write");

    private Paths() {
    }

    /** True when a page may not use {@code slug}, because one of the site's own addresses starts with it. */
    public static boolean isReserved(String slug) {
        return RESERVED.contains(slug);
    }

    /** The home page. */
    public static String home() {
        return "/";
    }

    /** A post's permalink. */
    public static String post(String slug) {
        return "/posts/" + slug;
    }

    /** A standalone page's address. */
    public static String page(String slug) {
        return "/" + slug;
    }

    /** The page that edits a post or a standalone page. */
    public static String postEdit(String slug) {
        return post(slug) + "/edit";
    }

    /** A post's revisions, and the diff between two of them. */
    public static String postRevisions(String slug) {
        return post(slug) + "/revisions";
    }

    /** Where a post's trash, restore and purge buttons are sent ({@code action} is one of those three words). */
    public static String postTrashAction(String slug, String action) {
        return post(slug) + "/" + action;
    }

    /** The authors' desk: the list of posts and pages. */
    public static String desk() {
        return "/write/posts";
    }

    /** Where the comment form of a post is sent. */
    public static String postComments(String slug) {
        return post(slug) + "/comments";
    }

    /** The Atom feed of a post's comments. */
    public static String postCommentFeed(String slug) {
        return post(slug) + "/comments/feed";
    }

    /** The page with the form that replies to comment {@code commentId} of a post. */
    public static String reply(String slug, long commentId) {
        return postComments(slug) + "/" + commentId + "/reply";
    }

    /** Where the comment form goes to sign in with {@code provider}, keeping the draft. */
    public static String commentSignIn(String slug, String provider) {
        return postComments(slug) + "/sign-in/" + provider;
    }

    /** A comment's anchor on its post's page. */
    public static String commentOnPost(String slug, long commentId) {
        return post(slug) + "#comment-" + commentId;
    }

    /** The archive of a tag. */
    public static String tag(String slug) {
        return "/tags/" + slug;
    }

    /** The Atom feed of a tag. */
    public static String tagFeed(String slug) {
        return tag(slug) + "/feed";
    }

    /** The RSS feed of a tag. */
    public static String tagRss(String slug) {
        return tagFeed(slug) + "/rss";
    }

    /** The archive of a category. */
    public static String category(String slug) {
        return "/categories/" + slug;
    }

    /** The Atom feed of a category. */
    public static String categoryFeed(String slug) {
        return category(slug) + "/feed";
    }

    /** The RSS feed of a category. */
    public static String categoryRss(String slug) {
        return categoryFeed(slug) + "/rss";
    }

    /** The archive of an author. */
    public static String author(String handle) {
        return "/authors/" + handle;
    }

    /** The Atom feed of an author's posts. */
    public static String authorFeed(String handle) {
        return author(handle) + "/feed";
    }

    /** The RSS feed of an author's posts. */
    public static String authorRss(String handle) {
        return authorFeed(handle) + "/rss";
    }

    /** The archive of a month. */
    public static String month(int year, int month) {
        return String.format("/archive/%04d/%02d", year, month);
    }

    /** The site's Atom feed. */
    public static String feed() {
        return "/feed";
    }

    /** The site's RSS feed. */
    public static String rss() {
        return "/rss";
    }

    /** The Atom feed of every post's comments. */
    public static String commentFeed() {
        return "/comments/feed";
    }
}
