package org.quillpress.feed;

import java.time.Instant;
import java.util.List;

/**
 * A post as a feed shows it: plain values read for the feed, never an entity, never an email.
 * {@code bodyHtml} is the sanitized HTML rendered when the post was saved.
 */
public record FeedPost(long id, String slug, String title, String bodyHtml, String excerpt, Instant publishAt,
        Instant updatedAt, Instant createdAt, String authorName, List<Term> categories, List<Term> tags,
        Long featuredMediaId) {

    /** A tag or category: the name readers see and the slug of its archive. */
    public record Term(String name, String slug) {
    }

    /** When readers last saw the post change: its last edit, or its appearance if that came later. */
    public Instant lastChanged() {
        return FeedPosts.later(updatedAt, publishAt);
    }
}
