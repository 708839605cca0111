package org.quillpress.search;

import java.time.Instant;
import java.util.List;

/**
 * Finds posts and pages, and tags by name, for a reader's query. One implementation per build: Lucene on the
 * embedded H2 build ({@link LuceneSearch}), the database's own full-text search on PostgreSQL
 * ({@link PostgresSearch}). Both read the query the same way: every word must match, a "quoted phrase" must
 * match as written, and -word leaves out what contains it.
 */
public interface SearchEngine {

    /**
     * One page of the posts and pages readers may see at {@code now} that match {@code query}: of the newest
     * {@code max} matches, the best first. Older matches are neither ranked nor counted, so a word found in every
     * post costs as much as one found in {@code max} posts.
     *
     * @param offset how many of the best matches to skip
     * @param limit how many to return at most
     * @param max how many of the newest matches are ranked; the total is counted up to {@code max + 1} only
     */
    Hits search(String query, Instant now, int offset, int limit, int max);

    /** The ids of the tags whose names match {@code query}, best first, at most {@code limit}. */
    List<Long> tags(String query, int limit);

    /** The matching posts of one page, with how many match in all, counted up to the maximum plus one. */
    record Hits(List<Hit> hits, long total) {
        static final Hits NONE = new Hits(List.of(), 0);
    }

    /** A matching post or page, and the passages of its text that match, ready to show. */
    record Hit(long postId, Snippet snippet) {
    }
}
