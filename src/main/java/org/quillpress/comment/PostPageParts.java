package org.quillpress.comment;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.quillpress.QuillpressConfig;
import org.quillpress.account.Role;
import org.quillpress.bus.Area;
import org.quillpress.bus.RemoteChange;
import org.quillpress.post.PostKind;
import org.quillpress.post.PostReader;
import org.quillpress.post.PostSaved;
import org.quillpress.web.ContentChanged;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The parts of a post page that look the same to every reader without rights over the post: the post as
 * looked up, and the rendered article and page of the thread. Kept in memory and rebuilt once per change,
 * so a signed-in reader's page costs only what is theirs (the layout's account links, the comment form),
 * and the guest page cache's misses reuse them too.
 * <p>
 * Entries are keyed by a version read <em>before</em> the database is: any change to posts, settings,
 * navigation or profiles ({@link PostSaved}, {@link ContentChanged}) raises the site's version, a comment
 * change raises that of its post's stripe, after the commit. A part built while a change commits is stored
 * under the old version and never served as the newer one. Parts are kept no longer than the page cache's
 * {@code max-age} (a change on another instance, a post whose comments close by time) and in half its
 * memory. At most one build per key runs at a time; others asking meanwhile wait for it.
 */
@ApplicationScoped
public class PostPageParts {

    /** Comment changes raise the version of one stripe of posts: bounded memory, and few needless rebuilds. */
    private static final int STRIPES = 4096;

    /** A post (or page) as any reader without rights over it finds it at an address. */
    record LookupKey(String slug, PostKind kind, long version) {
    }

    /** A page of a post's thread, with the article above it, as readers without their own comments see it. */
    record DiscussionKey(long postId, int page, boolean open, long version, long postVersion) {
    }

    /** A post page's skeleton for visitors of one kind (see {@link SplicedPage}): a role, or none for guests. */
    record SkeletonKey(long postId, int page, boolean open, Role role, long version, long postVersion) {
    }

    /** That an account has no comments on a post that only it sees (held, or still editable). */
    record WithoutOwnKey(long postId, long accountId, long version, long postVersion) {
    }

    /**
     * The rendered shared HTML of a post page, kept as the UTF-8 bytes it is sent as (see {@link SplicedPage});
     * {@code page} is the thread page it shows (the one asked for, kept within the pages there are).
     */
    public record Shared(byte[] article, byte[] discussion, int page, long approvedCount) {
        static Shared of(String article, String discussion, int page, long approvedCount) {
            return new Shared(SplicedPage.bytes(article), SplicedPage.bytes(discussion), page, approvedCount);
        }

        /** The same with another rendering of the article (an editor's, with the edit link). */
        public Shared withArticle(String other) {
            return new Shared(SplicedPage.bytes(other), discussion, page, approvedCount);
        }

        int weight() {
            return 64 + article.length + discussion.length;
        }
    }

    @Inject
    QuillpressConfig config;

    private final AtomicLong version = new AtomicLong();
    private final AtomicLongArray postVersions = new AtomicLongArray(STRIPES);

    private AsyncCache<Object, Object> parts;
    private boolean enabled;

    @PostConstruct
    void init() {
        enabled = config.pageCache().enabled() && !config.pageCache().maxAge().isZero();
        parts = Caffeine.newBuilder().maximumWeight(Math.max(1, config.pageCache().maxSize().asLongValue() / 2))
                .weigher((Object key, Object value) -> value instanceof Shared shared ? shared.weight()
                        : value instanceof SplicedPage.Skeleton skeleton ? skeleton.weight()
                                : value instanceof PostReader.Found found ? 512 + 2 * found.post().bodyHtml().length() : 64)
                .expireAfterWrite(config.pageCache().maxAge()).buildAsync();
    }

    /**
     * What {@code find} answers for readers without rights over the post, kept while it is a post they may
     * see (anything else depends on time or on who asks, and is looked up each time).
     */
    public PostReader.Lookup lookup(String slug, PostKind kind, Supplier<PostReader.Lookup> find) {
        Object found = once(new LookupKey(slug, kind, version.get()), () -> {
            PostReader.Lookup lookup = find.get();
            return lookup instanceof PostReader.Found f && f.post().visible() ? lookup : new Uncacheable(lookup);
        });
        return found instanceof Uncacheable u ? u.lookup() : (PostReader.Lookup) found;
    }

    /** The shared parts of a post page, built by {@code render} when this version has none yet. */
    public Shared discussion(long postId, int page, boolean open, Supplier<Shared> render) {
        return (Shared) once(new DiscussionKey(postId, page, open, version.get(),
                postVersions.get(stripe(postId))), render::get);
    }

    /** The skeleton of a post page for visitors with {@code role} (null: guests), rendered when there is none yet. */
    SplicedPage.Skeleton skeleton(long postId, int page, boolean open, Role role, Supplier<SplicedPage.Skeleton> render) {
        return (SplicedPage.Skeleton) once(new SkeletonKey(postId, page, open, role, version.get(),
                postVersions.get(stripe(postId))), render::get);
    }

    /**
     * Whether the account has no comments on the post that only it sees, as {@code ask} answers. Only that
     * answer is kept, until the post's comments change: a held comment stays held until someone acts on it,
     * while an editable one stops being editable with time alone, so "some" is asked again each time.
     */
    boolean withoutOwnComments(long postId, long accountId, BooleanSupplier ask) {
        WithoutOwnKey key = new WithoutOwnKey(postId, accountId, version.get(), postVersions.get(stripe(postId)));
        if (enabled && parts.getIfPresent(key) != null) {
            return true;
        }
        boolean none = ask.getAsBoolean();
        if (none && enabled) {
            parts.put(key, CompletableFuture.completedFuture(Boolean.TRUE));
        }
        return none;
    }

    /** A lookup answered once and not kept: the future completes with it and the entry is dropped. */
    private record Uncacheable(PostReader.Lookup lookup) {
    }

    /**
     * The value for {@code key}: kept, being built by another request (then waited for), or built here, in
     * the caller's thread and transaction context. A failed build is not kept.
     */
    private Object once(Object key, Supplier<Object> build) {
        if (!enabled) {
            return build.get();
        }
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> earlier = parts.asMap().putIfAbsent(key, mine);
        if (earlier != null) {
            try {
                return earlier.join();
            } catch (CompletionException e) {
                // that build failed; this request tries for itself
                return build.get();
            }
        }
        try {
            Object value = build.get();
            mine.complete(value);
            if (value instanceof Uncacheable) {
                parts.asMap().remove(key, mine);
            }
            return value;
        } catch (RuntimeException | Error e) {
            parts.asMap().remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private static int stripe(long postId) {
        return (int) Math.floorMod(postId, (long) STRIPES);
    }

    void onPostSaved(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Priority(Interceptor.Priority.APPLICATION
            + 1000) PostSaved saved) {
        version.incrementAndGet();
    }

    void onContentChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Priority(Interceptor.Priority.APPLICATION
            + 1000) ContentChanged changed) {
        version.incrementAndGet();
    }

    /**
     * Another instance changed something its pages show (a post, a comment, settings, navigation, an image): the
     * message does not say which post, so every shared part is built again.
     */
    void onRemoteChange(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) RemoteChange change) {
        if (change.area() != Area.ACCOUNT && change.area() != Area.SESSION) {
            version.incrementAndGet();
        }
    }

    /** Any change of a comment: approved ones show to all, and counts and pages move with them. */
    void onCommentPosted(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Priority(Interceptor.Priority.APPLICATION
            + 1000) CommentPosted posted) {
        postVersions.incrementAndGet(stripe(posted.postId()));
    }
}
