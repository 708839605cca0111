package org.quillpress.newsletter;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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

/**
 * Writes this package's mails to the outbox: the confirmation of a request, a mail per new post to those who want
 * one, and digests (for {@link PostDigests}).
 * <p>
 * New posts are announced from {@link PostSaved}, observed synchronously inside the transaction that published the
 * post (the write page, the API, or the scheduled publisher): the announcement and its mails commit with the
 * publication or vanish with it. A post is announced once: the announcement row, keyed by the post, is the claim,
 * and the post's own lock (the scheduled publisher's {@code FOR UPDATE SKIP LOCKED}) or version (every other save)
 * keeps two transactions from publishing the same post at once.
 */
@ApplicationScoped
public class NewPostMails {

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

    /**
     * Announces a post that has just become public: a post, not a page, visible now, and published recently (an old
     * post restored or imported is not news). Saving it again later announces nothing.
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
        List<PostSubscriber> subscribers = PostSubscriber.listEachPostFor(post.id);
        NewPostTemplates.MailPost shown = view(post);
        String subject = messages.newPostSubject(post.title);
        for (PostSubscriber subscriber : subscribers) {
            NewPostTemplates.Links links = links(subscriber);
            MailTemplates.Rendered mail = MailTemplates.render(NewPostTemplates.newPost(siteTitle(), shown, links));
            outbox.enqueue(subscriber.email, subject, mail.text(), mail.html(), links.unsubscribeUrl());
        }
        Log.infof("Announced post %s to %d subscribers", post.slug, subscribers.size());
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
