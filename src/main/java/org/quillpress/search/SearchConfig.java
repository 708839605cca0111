package org.quillpress.search;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the search (see the README's configuration table). */
@ConfigMapping(prefix = "quillpress.search")
public interface SearchConfig {

    /**
     * Where the embedded build keeps its Lucene index; {@code memory} keeps it in memory only (tests), and then it
     * is built anew at every start. PostgreSQL searches in the database and ignores it.
     */
    @WithDefault("data/search")
    String dir();

    /**
     * The language whose stemming and stop words the embedded build uses: {@code en} (English), or the name of
     * a Snowball stemmer such as {@code German}, {@code Finnish} or {@code French}.
     */
    @WithDefault("en")
    String language();

    /**
     * How long the embedded index waits after a change that touches many posts (a tag renamed, a WordPress
     * import) before it rebuilds itself: a burst of such changes then costs one rebuild.
     */
    @WithDefault("5s")
    Duration rebuildDelay();

    /** How many posts and pages one page of results lists. */
    @WithDefault("10")
    int pageSize();

    /**
     * How many of the newest matches a search ranks and counts: a word found in more posts shows "more than"
     * this many, ranked among the newest ones only, so a search costs the same at 1,000 posts or 100,000.
     */
    @WithDefault("1000")
    int maxResults();
}
