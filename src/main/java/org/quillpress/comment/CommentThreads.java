package org.quillpress.comment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.quillpress.account.AccountPrincipal;
import org.quillpress.account.Role;
import org.quillpress.account.SocialProviders;
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
    SocialProviders providers;

    @Inject
    CommentService comments;

    @Inject
    Clock clock;

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
        EntityManager em = Comment.getEntityManager();
        List<ThreadRow> shown = new ArrayList<>(em.createQuery(ThreadRow.SELECT
                + "where c.post.id = :post and c.status = :status order by c.path", ThreadRow.class)
                .setParameter("post", ref.id()).setParameter("status", CommentStatus.APPROVED).getResultList());
        int approved = shown.size();
        if (viewer.isPresent() || !guestCommentIds.isEmpty()) {
            // the writer's own held comments, shown to them alone in their place in the thread
            String mine = viewer.isPresent() ? "a.id = :writer" : "c.id in :writer";
            shown.addAll(em.createQuery(ThreadRow.SELECT + "where c.post.id = :post and c.status = :status and " + mine,
                    ThreadRow.class).setParameter("post", ref.id()).setParameter("status", CommentStatus.PENDING)
                    .setParameter("writer", viewer.isPresent() ? (Object) viewer.get().id() : guestCommentIds)
                    .getResultList());
            if (shown.size() > approved) {
                shown.sort(Comparator.comparing(ThreadRow::path));
            }
        }
        int perPage = Math.max(1, settings.current().commentsPerPage());
        long roots = shown.stream().filter(r -> r.parentId() == null).count();
        int pageCount = Math.max(1, (int) Math.ceil(roots / (double) perPage));
        int current = Math.max(1, Math.min(page, pageCount));
        List<Item> items = new ArrayList<>();
        int seen = 0;
        for (ThreadRow row : shown) {
            if (row.parentId() == null) {
                seen++;
            }
            if ((seen - 1) / perPage + 1 == current) {
                items.add(item(row, ref.authorId(), viewer, guestCommentIds));
            }
        }
        return new Thread(items, approved,
                CommentService.commentsOpen(ref.commentsOpen(), ref.publishAt(), settings.current(), clock.instant()),
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

    private Item item(ThreadRow r, long postAuthorId, Optional<AccountPrincipal> viewer, List<Long> guestIds) {
        boolean byAuthor = r.accountId() != null && r.accountId() == postAuthorId;
        boolean mine = r.accountId() != null ? viewer.map(v -> v.id() == r.accountId()).orElse(false)
                : viewer.isEmpty() && guestIds.contains(r.id());
        return new Item(r.id(), r.parentId(), r.depth(), r.accountId() != null ? r.accountName() : r.authorName(),
                r.accountId() != null ? r.accountWebsite() : r.authorUrl(), r.authorProvider(),
                providers.labelOf(r.authorProvider()), r.bodyHtml(),
                r.createdAt(), r.editedAt(), byAuthor, r.status() == CommentStatus.PENDING,
                mine && comments.withinEditWindow(r.createdAt()),
                r.accountRole() != null && r.accountRole().atLeast(Role.MODERATOR));
    }
}
