package org.quillpress.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.quillpress.QuillpressConfig;
import org.quillpress.support.TestAccounts;
import org.quillpress.support.TestClock;
import org.quillpress.support.TestPosts;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The post jobs run on every instance at once: two runs started together, each with its own transactions (as two
 * instances would run them), publish and purge each post once. The posts here are due only at a time the test
 * gives, so the scheduled runs of this instance leave them alone.
 */
@QuarkusTest
class OnceOnlyJobsTest {

    private static final int POSTS = 30;

    @Inject
    ScheduledPublisher publisher;

    @Inject
    PostTrash trash;

    @Inject
    QuillpressConfig config;

    @Inject
    TestClock clock;

    @Inject
    Announcements announcements;

    /** Counts the PostSaved events per post: a post published twice is announced twice. */
    @Singleton
    static class Announcements {

        final Map<Long, AtomicInteger> saved = new ConcurrentHashMap<>();

        void count(@Observes PostSaved event) {
            saved.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
        }
    }

    @Test
    void twoInstancesPublishingAtOncePublishAndAnnounceEachScheduledPostOnce() throws Exception {
        Instant publishAt = clock.instant().plus(Duration.ofDays(5));
        List<Long> ids = posts("Scheduled twice ", post -> {
            post.status = PostStatus.SCHEDULED;
            post.publishAt = publishAt;
        });
        Instant now = publishAt.plus(Duration.ofMinutes(1));

        int published = together(() -> untilNoneLeft(() -> publisher.publishDue(now)));

        assertThat(published).isGreaterThanOrEqualTo(POSTS);
        for (long id : ids) {
            assertThat(announcements.saved.get(id)).as("announcements of post %d", id).hasValue(1);
        }
        assertThat(QuarkusTransaction.requiringNew()
                .call(() -> Post.count("id in ?1 and status = ?2", ids, PostStatus.PUBLISHED))).isEqualTo(POSTS);
    }

    @Test
    void twoInstancesPurgingAtOnceDeleteEachExpiredPostOnce() throws Exception {
        Instant trashedAt = clock.instant().plus(Duration.ofDays(5));
        List<Long> ids = posts("Purged twice ", post -> {
            post.statusBeforeTrash = post.status;
            post.status = PostStatus.TRASHED;
            post.trashedAt = trashedAt;
        });
        Instant now = trashedAt.plus(config.trash().keepFor()).plus(Duration.ofMinutes(1));
        // every trashed post past its keeping time, this test's and any other test's left in the trash
        long due = QuarkusTransaction.requiringNew().call(() -> Post.count("status = ?1 and trashedAt <= ?2",
                PostStatus.TRASHED, now.minus(config.trash().keepFor())));

        int purged = together(() -> untilNoneLeft(() -> trash.purgeExpired(now)));

        assertThat(purged).as("each due post counted by one run only").isEqualTo(due);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Post.count("id in ?1", ids))).isZero();
    }

    /** Posts made for this test and then changed by {@code change}, with no announcement of their own counted. */
    private List<Long> posts(String title, java.util.function.Consumer<Post> change) {
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < POSTS; i++) {
            slugs.add(TestPosts.publish(TestAccounts.owner(), TestPosts.unique(title), "Once.", List.of()));
        }
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> {
            List<Long> made = new ArrayList<>();
            for (String slug : slugs) {
                Post post = Post.findBySlug(slug).orElseThrow();
                change.accept(post);
                made.add(post.id);
            }
            return made;
        });
        ids.forEach(announcements.saved::remove);
        return ids;
    }

    /** Runs {@code job} again while it finds something to do (a run takes a batch); how much it did in all. */
    private static int untilNoneLeft(Callable<Integer> job) throws Exception {
        int all = 0;
        for (int done = job.call(); done > 0; done = job.call()) {
            all += done;
        }
        return all;
    }

    /** Runs {@code job} on two threads started at the same moment; the sum of what each says it did. */
    private static int together(Callable<Integer> job) throws Exception {
        ExecutorService instances = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(instances.submit(() -> {
                    start.await();
                    return job.call();
                }));
            }
            start.countDown();
            int sum = 0;
            for (Future<Integer> run : runs) {
                sum += run.get(2, TimeUnit.MINUTES);
            }
            return sum;
        } finally {
            instances.shutdownNow();
        }
    }
}
