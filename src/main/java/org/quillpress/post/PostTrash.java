package org.quillpress.post;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import org.hibernate.Timeouts;
import org.quillpress.QuillpressConfig;
import org.quillpress.account.AccountPrincipal;
import org.quillpress.web.InvalidInputException;
import org.quillpress.web.StaffText;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The trash: a deleted post keeps its row, comments and revisions with the status TRASHED, so that it leaves
 * every public place at once (they all show only visible posts) and a restore brings it back exactly as it
 * was. After {@code quillpress.trash.keep-for}, or when someone empties it by hand, it is purged: the database
 * deletes its comments, subscriptions, revisions and old slugs with it (their foreign keys cascade).
 */
@ApplicationScoped
public class PostTrash {

    /** Posts one purge run deletes at most; the rest wait for the next run. */
    static final int PURGE_BATCH = 100;

    @Inject
    Event<PostSaved> saved;

    @Inject
    StaffText staff;

    @Inject
    QuillpressConfig config;

    @Inject
    Clock clock;

    /** Moves a post or page to the trash; one already there stays as it is. */
    @Transactional
    public Post trash(String slug, AccountPrincipal editor) {
        Post post = editable(slug, editor);
        if (!post.isTrashed()) {
            post.statusBeforeTrash = post.status;
            post.status = PostStatus.TRASHED;
            post.trashedAt = clock.instant();
            saved.fire(PostSaved.of(post));
        }
        return post;
    }

    /** Takes a post out of the trash with the status it had; a post not in the trash stays as it is. */
    @Transactional
    public Post restore(String slug, AccountPrincipal editor) {
        Post post = editable(slug, editor);
        if (post.isTrashed()) {
            post.status = post.statusBeforeTrash == null ? PostStatus.DRAFT : post.statusBeforeTrash;
            post.statusBeforeTrash = null;
            post.trashedAt = null;
            saved.fire(PostSaved.of(post));
        }
        return post;
    }

    /** Deletes a trashed post for good, with its comments; a post must be in the trash first (else 409). */
    @Transactional
    public void purge(String slug, AccountPrincipal editor) {
        Post post = editable(slug, editor);
        if (!post.isTrashed()) {
            throw new InvalidInputException(409, Map.of("status", staff.messages().deskErrPurgeNotTrashed()));
        }
        delete(post.id);
        Log.infof("Post %s deleted permanently by %s", slug, editor.handle());
    }

    private static Post editable(String slug, AccountPrincipal editor) {
        Post post = Post.findBySlug(slug).orElseThrow(NotFoundException::new);
        PostService.requireEditable(post, editor);
        return post;
    }

    /**
     * Purges the posts whose time in the trash is over, each in a transaction of its own. Any number of
     * instances may run it: a post one of them is purging is locked, and the others skip it.
     */
    @Scheduled(every = "${quillpress.trash.purge-every:1h}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpired() {
        purgeExpired(clock.instant());
    }

    /** How many posts this run purged; a test calls it after moving the clock. */
    int purgeExpired(Instant now) {
        Instant cutoff = now.minus(config.trash().keepFor());
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> Post.getEntityManager()
                .createQuery("select p.id from Post p where p.status = :trashed and p.trashedAt <= :cutoff order by p.id",
                        Long.class)
                .setParameter("trashed", PostStatus.TRASHED).setParameter("cutoff", cutoff)
                .setMaxResults(PURGE_BATCH).getResultList());
        int purged = 0;
        for (long id : due) {
            boolean done = QuarkusTransaction.requiringNew().call(() -> {
                Optional<Post> claimed = Post.<Post> find("id = ?1 and status = ?2 and trashedAt <= ?3", id,
                        PostStatus.TRASHED, cutoff).withLock(LockModeType.PESSIMISTIC_WRITE)
                        .withHint("jakarta.persistence.lock.timeout", Timeouts.SKIP_LOCKED_MILLI).firstResultOptional();
                claimed.ifPresent(p -> delete(p.id));
                return claimed.isPresent();
            });
            if (done) {
                purged++;
            }
        }
        if (purged > 0) {
            Log.infof("Purged %d posts whose time in the trash was over", purged);
        }
        return purged;
    }

    /** Deletes the post; child pages move to the top level, everything else that is the post's cascades. */
    private static void delete(long id) {
        Post.update("parent = null where parent.id = ?1", id);
        Post.delete("id", id);
    }
}
