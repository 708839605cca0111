package org.quillpress.newsletter;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.quillpress.mail.MailTemplates;
import org.quillpress.mail.Outbox;
import org.quillpress.post.Post;
import org.quillpress.post.PostKind;
import org.quillpress.post.PostSaved;
import org.quillpress.site.SiteSettings;
import org.quillpress.web.PublicUrls;
import org.quillpress.web.SiteTime;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Vertx;

/**
 * Writes this package's mails to the outbox: the confirmation of a request, a mail per new post to those who want
 * one, and digests (for {@link PostDigests}).
 * <p>
 * A post is announced once. The announcement row, keyed by the post, is the claim: it is written by
 * {@link PostSaved}'s synchronous observer inside the transaction that published the post (the write page, the API
 * or the scheduled publisher), and commits or vanishes with it; the post's own lock or version keeps two
 * transactions from publishing the same post at once. The mails are written after that commit, off the
 * publisher's thread, so publishing never waits for a post's subscribers and never fails with their mails. They
 * are written in one transaction with the mark on the row, which is locked ({@code FOR UPDATE SKIP LOCKED}): an
 * announcement is mailed exactly once, and one an instance left unmailed (stopped between the two commits) is
 * mailed by the next check.
 */
@ApplicationScoped
public class NewPostMails {

    /** Unmailed announcements one check takes at most; the rest wait for the next. */
    static final int BATCH = 100;

    @Inject
    Outbox outbox;

    @Inject
    PublicUrls urls;

    @Inject
    SiteSettings site;

    @Inject
    ManageTokens tokens;

    @Inject
    SubscribeMessages messages;

    @Inject
    NewsletterConfig config;

    @Inject
    Clock clock;

    @Inject
    Vertx vertx;

    /**
     * Claims the announcement of a post that has just become public: a post, not a page, visible now, and published
     * recently (an old post restored or imported is not news). Saving it again later announces nothing.
     */
    void onPostSaved(@Observes PostSaved saved) {
        if (saved.kind() != PostKind.POST) {
            return;
        }
        Instant now = clock.instant();
        Post post = Post.findById(saved.id());
        if (post == null || !post.isVisibleAt(now) || post.publishAt.isBefore(now.minus(config.announceWithin()))
                || PostAnnouncement.findById(post.id) != null) {
            return;
        }
        PostAnnouncement announcement = new PostAnnouncement();
        announcement.postId = post.id;
        announcement.announcedAt = now;
        announcement.persist();
    }

    /** Once the publication has committed, writes its mails on a worker thread. */
    void afterPostSaved(@Observes(during = TransactionPhase.AFTER_SUCCESS) PostSaved saved) {
        if (saved.kind() == PostKind.POST) {
            vertx.executeBlocking(() -> mailAnnouncement(saved.id()), false).onFailure(
                    e -> Log.warnf(e, "The mails announcing post %s wait for the next check", saved.slug()));
        }
    }

    @Scheduled(every = "${quillpress.newsletter.check-every:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledMailUnmailed() {
        mailUnmailed();
    }

    /** Mails the announcements an instance left unmailed; answers how many it mailed. */
    int mailUnmailed() {
        int mailed = 0;
        for (long postId : QuarkusTransaction.requiringNew().call(() -> PostAnnouncement.listUnmailedIds(BATCH))) {
            if (mailAnnouncement(postId)) {
                mailed++;
            }
        }
        return mailed;
    }

    /**
     * Writes a mail per each-post subscriber of this post, if its announcement is not mailed yet and no other
     * transaction holds it; a post no longer public by then is passed over. True when this call did it.
     */
    boolean mailAnnouncement(long postId) {
        return QuarkusTransaction.requiringNew().call(() -> PostAnnouncement.claimUnmailed(postId).map(announcement -> {
            Instant now = clock.instant();
            announcement.mailedAt = now;
            Post post = Post.findById(postId);
            if (post == null || !post.isVisibleAt(now)) {
                return true;
            }
            List<PostSubscriber> subscribers = PostSubscriber.listEachPostFor(post.id);
            NewPostTemplates.MailPost shown = view(post);
            String subject = messages.newPostSubject(post.title);
            for (PostSubscriber subscriber : subscribers) {
                NewPostTemplates.Links links = links(subscriber);
                MailTemplates.Rendered mail = MailTemplates.render(NewPostTemplates.newPost(siteTitle(), shown, links));
                outbox.enqueue(subscriber.email, subject, mail.text(), mail.html(), links.unsubscribeUrl());
            }
            Log.infof("Announced post %s to %d subscribers", post.slug, subscribers.size());
            return true;
        }).orElse(false));
    }

    @Transactional(TxType.MANDATORY)
    void confirm(SubscribeRequest request, String token) {
        long hours = config.confirmFor().toHours();
        MailTemplates.Rendered mail = MailTemplates.render(NewPostTemplates.confirmNewPosts(siteTitle(),
                urls.of(SubscribeResource.confirmPath(token)), hours));
        outbox.enqueue(request.email, messages.confirmSubject(siteTitle()), mail.text(), mail.html(), null);
    }

    @Transactional(TxType.MANDATORY)
    void digest(PostSubscriber subscriber, List<Post> posts) {
        NewPostTemplates.Links links = links(subscriber);
        MailTemplates.Rendered mail = MailTemplates.render(
                NewPostTemplates.postDigest(siteTitle(), posts.stream().map(this::view).toList(), links));
        outbox.enqueue(subscriber.email, messages.digestSubject(siteTitle()), mail.text(), mail.html(),
                links.unsubscribeUrl());
    }

    private NewPostTemplates.Links links(PostSubscriber subscriber) {
        String token = tokens.token(ManageTokens.Purpose.MANAGE, subscriber.id);
        return new NewPostTemplates.Links(urls.of(SubscribeResource.managePath(token)),
                urls.of(SubscribeResource.unsubscribePath(token)));
    }

    private NewPostTemplates.MailPost view(Post post) {
        return new NewPostTemplates.MailPost(post.title, urls.of(post.path()), post.excerpt,
                SiteTime.date(post.publishAt));
    }

    private String siteTitle() {
        return site.current().title();
    }
}
