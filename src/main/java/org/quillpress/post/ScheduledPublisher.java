package org.quillpress.post;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Marks scheduled posts as published once their time has come. Readers see a due post at once
 * anyway (visibility compares the time); this job makes the stored status say so, for lists of drafts
 * and for what later reacts to publishing.
 * <p>
 * Any number of instances may run it: each post is claimed and published in a transaction of its own, a post
 * another instance is publishing is locked and skipped, and one already published is no longer due, so each is
 * published, and announced, once.
 */
@ApplicationScoped
public class ScheduledPublisher {

    /** Posts one run publishes at most; the rest wait for the next run. */
    static final int BATCH = 100;

    @Inject
    Event<PostSaved> saved;

    @Inject
    Clock clock;

    @Scheduled(every = "${quillpress.publishing.check-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void publishDuePosts() {
        publishDue(clock.instant());
    }

    /** How many posts this run published; a test calls it with a time of its own. */
    int publishDue(Instant now) {
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> Post.listDueScheduledIds(now, BATCH));
        int published = 0;
        for (long id : due) {
            boolean done = QuarkusTransaction.requiringNew().call(() -> {
                Optional<Post> claimed = Post.claimDueScheduled(id, now);
                claimed.ifPresent(post -> {
                    post.status = PostStatus.PUBLISHED;
                    saved.fire(PostSaved.of(post));
                    Log.infof("Published scheduled post %s", post.slug);
                });
                return claimed.isPresent();
            });
            if (done) {
                published++;
            }
        }
        return published;
    }
}
