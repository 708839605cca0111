package org.quillpress.cache;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.quillpress.QuillpressConfig;
import org.quillpress.bus.Area;
import org.quillpress.bus.ChangeBus;
import org.quillpress.bus.RemoteChange;
import org.quillpress.comment.CommentPosted;
import org.quillpress.comment.CommentStatus;
import org.quillpress.post.Post;
import org.quillpress.post.PostKind;
import org.quillpress.post.PostSaved;
import org.quillpress.post.PostStatus;
import org.quillpress.web.ContentChanged;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Rendered public pages kept in memory for anonymous readers, keyed by path and query. {@link PageCacheRoute}
 * answers from it before the request reaches REST, Hibernate or Qute; {@link PageCacheFiller} stores what
 * the application rendered on a miss.
 * <p>
 * Every page shows site-wide data (title, navigation, recent posts), so there is no per-page invalidation:
 * a <em>generation</em> counter goes up on any change (a post saved, {@link ContentChanged}) and every page
 * rendered before becomes stale at once. A page rendered while a change commits belongs to the generation
 * its request started in, so it is never served as the newer one.
 * <p>
 * Scheduled posts become visible by time, with no event: no page is kept past the next moment a post or page
 * becomes visible. Each instance has its own cache: it announces its invalidations on the {@link ChangeBus}
 * and applies the other instances' ({@link RemoteChange}), so a change made elsewhere shows here within about a
 * second. Pages are also kept no longer than {@code quillpress.page-cache.max-age}, which bounds how stale a page
 * can be should a message be lost.
 * <p>
 * Misses are coalesced: while one request renders a page, others asking for the same key wait for its result
 * ({@link Wait}) instead of rendering it again, so a page is rendered at most once per expiry whatever the
 * number of readers arriving at once.
 */
@ApplicationScoped
public class PageCache {

    @Inject
    QuillpressConfig config;

    @Inject
    Clock clock;

    @Inject
    ChangeBus bus;

    /**
     * With HTTP compression on, every cached page gets a gzip copy once a client asks for one ({@link GzipCopy}):
     * all of them are text (HTML, feeds, XML, robots.txt). ({@code quarkus.http.compress-media-types} is build-time only and
     * cannot be read here.)
     */
    @ConfigProperty(name = "quarkus.http.enable-compression", defaultValue = "false")
    boolean compression;

    /** The generation, and the wall-clock time until which pages of it may be served. */
    record State(long generation, long notAfterMillis) {
    }

    /** What a request that finds no fresh page does: render it ({@link Fill}) or wait for another's render. */
    sealed interface Miss {
    }

    /**
     * What a rendering miss remembers from the moment its request arrived; {@code done} completes, when its
     * response has ended, with the page it stored (or null) for the requests waiting on it.
     */
    record Fill(String key, long generation, long notAfterMillis, long startedMillis,
            CompletableFuture<CachedPage> done) implements Miss {
    }

    /** Another request is rendering the page: {@code page} completes with what it stored, or null. */
    record Wait(CompletableFuture<CachedPage> page) implements Miss {
    }

    /** The renders under way, by key: the one place where concurrent misses for a page meet. */
    private final ConcurrentHashMap<String, CompletableFuture<CachedPage>> rendering = new ConcurrentHashMap<>();

    /** Nothing is cached until the start has found the next scheduled publication. */
    private volatile State state = new State(0, 0);

    /** Guards changes of {@link #state} and the refresh counters; never held while the database is read. */
    private final Object lock = new Object();
    private long refreshesRequested;
    private long refreshesDone;

    private Cache<String, CachedPage> pages;
    private long maxAgeMillis;

    @PostConstruct
    void init() {
        maxAgeMillis = config.pageCache().maxAge().toMillis();
        pages = Caffeine.newBuilder().maximumWeight(config.pageCache().maxSize().asLongValue())
                .weigher((String key, CachedPage page) -> key.length() * 2 + page.weight())
                .expireAfterWrite(config.pageCache().maxAge()).build();
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled()) {
            requestRefresh();
        }
    }

    public boolean enabled() {
        return config.pageCache().enabled() && maxAgeMillis > 0;
    }

    /**
     * Makes every cached page stale at once. For changes that show on public pages and fire no event
     * (prefer firing {@link ContentChanged} inside the transaction: then this runs after the commit).
     */
    public void invalidateAll() {
        synchronized (lock) {
            state = new State(state.generation() + 1, state.notAfterMillis());
        }
        pages.invalidateAll();
    }

    // after Navigation's own observer of the same event, so pages rendered in the new generation show the
    // new navigation
    void onPostSaved(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Priority(Interceptor.Priority.APPLICATION
            + 1000) PostSaved saved) {
        Log.debugf("Page cache cleared: %s %s saved", saved.kind(), saved.slug());
        invalidateAll();
        // it may have been scheduled: nothing is kept until the next publication is known again
        requestRefresh();
        bus.publish(Area.PAGES);
    }

    void onContentChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Priority(Interceptor.Priority.APPLICATION
            + 1000) ContentChanged changed) {
        Log.debugf("Page cache cleared: %s changed", changed.what());
        invalidateAll();
        bus.publish(Area.PAGES);
    }

    /** A comment that readers see appeared, changed or went away: threads, counts and comment feeds change. */
    void onCommentPosted(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Priority(Interceptor.Priority.APPLICATION
            + 1000) CommentPosted posted) {
        if (posted.status() == CommentStatus.APPROVED || posted.previousStatus() == CommentStatus.APPROVED) {
            Log.debugf("Page cache cleared: comment %d now %s", posted.commentId(), posted.status());
            invalidateAll();
            bus.publish(Area.PAGES);
        }
    }

    /**
     * Another instance saved a change that pages show. Settings and navigation change pages too: this runs after
     * their owners have reloaded them (a later priority), so no page of the new generation shows the old ones.
     */
    void onRemoteChange(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) RemoteChange change) {
        switch (change.area()) {
            case PAGES -> {
                invalidateAll();
                // a post may have been scheduled there
                requestRefresh();
            }
            case SITE_SETTINGS, DISCUSSION_SETTINGS, NAVIGATION, MEDIA -> invalidateAll();
            default -> {
                // sessions and accounts show on no guest page
            }
        }
    }

    /** The page for {@code key}, if one of the current generation is still fresh. */
    CachedPage lookup(String key) {
        CachedPage page = pages.getIfPresent(key);
        if (page == null || page.generation() != state.generation()
                || clock.millis() >= page.expiresAtMillis()) {
            return null;
        }
        return page;
    }

    /**
     * Starts a miss: this request renders the page, and {@link #store} keeps it if nothing changed, unless
     * another request is rendering the same key already; then this one waits for that render. A {@link Fill}
     * must be ended with {@link #endFill}, whatever became of its response.
     */
    Miss startMiss(String key) {
        CompletableFuture<CachedPage> done = new CompletableFuture<>();
        CompletableFuture<CachedPage> earlier = rendering.putIfAbsent(key, done);
        if (earlier != null) {
            return new Wait(earlier);
        }
        State current = state;
        long now = clock.millis();
        if (now >= current.notAfterMillis()) {
            // a scheduled post is visible now (or a refresh is due): until the next one is known nothing is kept
            refreshIfIdle();
        }
        return new Fill(key, current.generation(), current.notAfterMillis(), now, done);
    }

    /** Ends a render: the requests waiting for it get the page it stored, or null to render their own. */
    void endFill(Fill fill) {
        rendering.remove(fill.key(), fill.done());
        fill.done().complete(lookup(fill.key()));
    }

    /** Until when a page rendered for {@code fill} may be served. */
    long expiresAt(Fill fill) {
        return Math.min(fill.startedMillis() + maxAgeMillis, fill.notAfterMillis());
    }

    /** The largest page kept: an eighth of the cache, so one huge page cannot push out all others. */
    int maxPageBytes() {
        return (int) Math.min(Integer.MAX_VALUE - 8, config.pageCache().maxSize().asLongValue() / 8);
    }

    /** True when cached pages are kept compressed too. */
    boolean compresses() {
        return compression;
    }

    /** Keeps {@code page} unless its generation has passed or it would expire at once. */
    void store(Fill fill, CachedPage page) {
        if (fill.generation() == state.generation() && clock.millis() < page.expiresAtMillis()) {
            pages.put(fill.key(), page);
        }
    }

    /**
     * Finds the next publication time on a worker thread (never the event loop, nor the thread that just
     * committed). Until the refresh asked for last has answered, no page is kept: a refresh that started
     * before a post was scheduled could otherwise let pages outlive that post's time.
     */
    void requestRefresh() {
        long ticket;
        synchronized (lock) {
            ticket = ++refreshesRequested;
            state = new State(state.generation(), Math.min(state.notAfterMillis(), clock.millis()));
        }
        Infrastructure.getDefaultWorkerPool().execute(() -> refresh(ticket));
    }

    private void refreshIfIdle() {
        synchronized (lock) {
            if (refreshesDone < refreshesRequested) {
                return;
            }
        }
        requestRefresh();
    }

    private void refresh(long ticket) {
        Long next = null;
        try {
            Instant at = QuarkusTransaction.requiringNew().call(() -> nextPublication(clock.instant()));
            next = at == null ? Long.MAX_VALUE : at.toEpochMilli();
        } catch (RuntimeException e) {
            // nothing is kept meanwhile; the next miss asks again
            Log.warnf(e, "The page cache could not read the next scheduled publication");
        } finally {
            synchronized (lock) {
                refreshesDone = Math.max(refreshesDone, ticket);
                if (next != null && ticket == refreshesRequested) {
                    state = new State(state.generation(), next);
                }
            }
        }
    }

    /**
     * The earliest future time at which a post or page becomes visible (see {@link Post#VISIBLE}), or null.
     * One query per kind, so each reads the timeline index (kind, publish_at) from {@code now} on.
     */
    static Instant nextPublication(Instant now) {
        Instant earliest = null;
        for (PostKind kind : PostKind.values()) {
            Instant at = Post.getEntityManager().createQuery("select min(p.publishAt) from Post p where p.kind = :kind "
                    + "and p.publishAt > :now and p.status in :visible", Instant.class).setParameter("kind", kind)
                    .setParameter("now", now).setParameter("visible", List.of(PostStatus.PUBLISHED, PostStatus.SCHEDULED))
                    .getSingleResult();
            if (at != null && (earliest == null || at.isBefore(earliest))) {
                earliest = at;
            }
        }
        return earliest;
    }
}
