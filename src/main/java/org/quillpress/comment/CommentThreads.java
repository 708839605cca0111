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
import org.quillpress.post.Post;

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
        Post post = Post.getEntityManager().getReference(Post.class, ref.id());
        List<Comment> shown = new ArrayList<>(Comment.listApprovedThread(post));
        int approved = shown.size();
        if (viewer.isPresent()) {
            shown.addAll(Comment.list("from Comment c left join fetch c.account where c.post = ?1 and c.status = ?2 "
                    + "and c.account.id = ?3", post, CommentStatus.PENDING, viewer.get().id()));
        } else if (!guestCommentIds.isEmpty()) {
            shown.addAll(Comment.listPendingByIds(post, guestCommentIds));
        }
        if (shown.size() > approved) {
            // the writer's held comments take their place in the thread
            shown.sort(Comparator.comparing(c -> c.path));
        }
        List<Item> items = shown.stream().map(c -> item(c, ref.authorId(), viewer, guestCommentIds)).toList();
        return new Thread(items, approved,
                CommentService.commentsOpen(ref.commentsOpen(), ref.publishAt(), settings.current(), Instant.now()));
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
