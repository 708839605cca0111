package org.quillpress.comment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.quillpress.account.AccountPrincipal;
import org.quillpress.comment.CommentViews.Item;
import org.quillpress.comment.CommentViews.Thread;

/**
 * Builds a post's thread: one query for the approved comments in thread order, plus (only for someone
 * who has held comments waiting) one for theirs, shown to them alone.
 */
@ApplicationScoped
public class CommentThreads {

    @Inject
    DiscussionSettings settings;

    @Inject
    CommentService comments;

    /** What the thread needs to know of its post, which the post page has loaded already. */
    public record PostRef(long id, long authorId, boolean commentsOpen, Instant publishAt) {
    }

    @Transactional
    public Thread forPost(PostRef ref, Optional<AccountPrincipal> viewer, List<Long> guestCommentIds) {
        return forPost(ref, viewer, guestCommentIds, 1);
    }

    /** One page of the thread; pages hold whole threads, {@code commentsPerPage} top-level comments each. */
    @Transactional
    public Thread forPost(PostRef ref, Optional<AccountPrincipal> viewer, List<Long> guestCommentIds, int page) {
        List<Comment> shown = new ArrayList<>(Comment.listApprovedThread(ref.id()));
        int approved = shown.size();
        if (viewer.isPresent()) {
            shown.addAll(Comment.list("from Comment c left join fetch c.account where c.post.id = ?1 "
                    + "and c.status = ?2 and c.account.id = ?3", ref.id(), CommentStatus.PENDING, viewer.get().id()));
        } else if (!guestCommentIds.isEmpty()) {
            shown.addAll(Comment.listPendingByIds(ref.id(), guestCommentIds));
        }
        if (shown.size() > approved) {
            // the writer's held comments take their place in the thread
            shown.sort(Comparator.comparing(c -> c.path));
        }
        int perPage = Math.max(1, settings.current().commentsPerPage());
        int pageCount = Math.max(1, (int) Math.ceil(topLevel(shown) / (double) perPage));
        int current = Math.max(1, Math.min(page, pageCount));
        List<Item> items = new ArrayList<>();
        int roots = 0;
        for (Comment c : shown) {
            if (c.parent == null) {
                roots++;
            }
            if ((roots - 1) / perPage + 1 == current) {
                items.add(item(c, ref.authorId(), viewer, guestCommentIds));
            }
        }
        return new Thread(items, approved,
                CommentService.commentsOpen(ref.commentsOpen(), ref.publishAt(), settings.current(), Instant.now()),
                current, pageCount);
    }

    /** The page of its post's thread on which an approved comment appears. */
    @Transactional
    public int pageOf(Comment comment) {
        String root = comment.path.contains("/") ? comment.path.substring(0, comment.path.indexOf('/')) : comment.path;
        long before = Comment.count("post = ?1 and status = ?2 and parent is null and path < ?3", comment.post,
                CommentStatus.APPROVED, root);
        return (int) (before / Math.max(1, settings.current().commentsPerPage())) + 1;
    }

    private static long topLevel(List<Comment> comments) {
        return comments.stream().filter(c -> c.parent == null).count();
    }

    private Item item(Comment c, long postAuthorId, Optional<AccountPrincipal> viewer, List<Long> guestIds) {
        boolean byAuthor = c.account != null && c.account.id == postAuthorId;
        boolean mine = c.account != null ? viewer.map(v -> v.id() == c.account.id).orElse(false)
                : viewer.isEmpty() && guestIds.contains(c.id);
        return new Item(c.id, c.parent == null ? null : c.parent.id, c.depth,
                c.account != null ? c.account.displayName : c.authorName,
                c.account != null ? c.account.website : c.authorUrl, c.authorProvider, c.bodyHtml, c.createdAt,
                c.editedAt, byAuthor, c.status == CommentStatus.PENDING, mine && comments.withinEditWindow(c.createdAt));
    }
}
