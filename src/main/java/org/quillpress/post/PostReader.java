package org.quillpress.post;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.quillpress.account.AccountPrincipal;
import org.quillpress.post.PostViews.CategoryLink;
import org.quillpress.post.PostViews.Full;
import org.quillpress.post.PostViews.Neighbour;
import org.quillpress.post.PostViews.TagLink;

/**
 * Loads one post or page for reading. Drafts and posts not yet due are shown only to their author and
 * to admins; to everyone else they do not exist.
 */
@ApplicationScoped
public class PostReader {

    @Inject
    Clock clock;

    /** What a slug leads to: a post to show, or the slug it moved to. */
    public sealed interface Lookup permits Found, Moved, Missing, Gone {
    }

    public record Found(Full post) implements Lookup {
    }

    public record Moved(String path) implements Lookup {
    }

    public record Missing() implements Lookup {
    }

    /** A post in the trash: its address answers 410 Gone to everyone until it is restored. */
    public record Gone() implements Lookup {
    }

    /**
     * What {@code viewer} finds where readers found {@code asReader}: a post readers see is the same post for
     * anyone (only the edit link differs), so it is not read again; a draft or a post not yet due is looked up.
     */
    public Lookup find(String slug, PostKind kind, Lookup asReader, AccountPrincipal viewer) {
        if (asReader instanceof Found found) {
            return new Found(found.post().as(viewer));
        }
        return find(slug, kind, Optional.of(viewer));
    }

    @Transactional
    public Lookup find(String slug, PostKind kind, Optional<AccountPrincipal> viewer) {
        Instant now = clock.instant();
        Optional<Post> any = Post.findBySlugWithDetails(slug);
        Optional<Post> found = any.filter(p -> p.kind == kind);
        if (any.isPresent() && found.isEmpty() && any.get().isVisibleAt(now)) {
            // a page asked for at a post's address (older comment links did that), or the other way round
            return new Moved(any.get().path());
        }
        if (found.isEmpty()) {
            return SlugRedirect.currentSlugFor(slug)
                    .<Lookup> map(s -> new Moved(kind.path(s)))
                    .orElse(new Missing());
        }
        Post post = found.get();
        if (post.isTrashed()) {
            return new Gone();
        }
        boolean visible = post.isVisibleAt(now);
        boolean editable = viewer.map(post::editableBy).orElse(false);
        if (!visible && !editable) {
            return new Missing();
        }
        Neighbour older = null;
        Neighbour newer = null;
        if (kind == PostKind.POST && visible) {
            older = Post.neighbour(post, true, now).orElse(null);
            newer = Post.neighbour(post, false, now).orElse(null);
        }
        List<TagLink> tags = post.tags.stream().map(t -> new TagLink(t.name, t.slug))
                .sorted(java.util.Comparator.comparing(TagLink::name, String.CASE_INSENSITIVE_ORDER)).toList();
        return new Found(new Full(post.id, post.kind, post.slug, post.title, post.bodyHtml, post.excerpt, post.status,
                post.publishAt, post.updatedAt, post.author.id, PostListing.author(post),
                post.category == null ? null : new CategoryLink(post.category.name, post.category.slug), tags,
                post.commentsOpen, visible, editable, older, newer,
                post.categories.stream().map(c -> new CategoryLink(c.name, c.slug)).toList(), post.path(),
                post.featuredMediaId));
    }
}
