/**
 * Atom and RSS feeds for the site, tags, categories and comments, the sitemap and robots.txt
 * ({@link org.quillpress.feed.FeedResource}, {@link org.quillpress.feed.CommentFeedResource},
 * {@link org.quillpress.feed.SitemapResource}), written with ROME.
 * <p>
 * Rules: only what is published and approved appears; a feed's statement count does not grow with its items.
 */
package org.quillpress.feed;
