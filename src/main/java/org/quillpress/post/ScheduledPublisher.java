package org.quillpress.post;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Marks scheduled posts as published once their time has come. Readers see a due post at once
 * anyway (visibility compares the time); this job makes the stored status say so, for lists of drafts
 * and for what later reacts to publishing.
 */
@ApplicationScoped
public class ScheduledPublisher {

    @Inject
    Event<PostSaved> saved;

    @Inject
    Clock clock;

    @Scheduled(every = "${quillpress.publishing.check-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void publishDuePosts() {
        List<Post> due = Post.listDueScheduled(clock.instant());
        for (Post post : due) {
            post.status = PostStatus.PUBLISHED;
            saved.fire(PostSaved.of(post));
            Log.infof("Published scheduled post %s", post.slug);
        }
    }
}
