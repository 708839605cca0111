package org.quillpress.feed;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.quillpress.account.Account;
import org.quillpress.feed.FeedWriter.Channel;
import org.quillpress.feed.FeedWriter.Format;
import org.quillpress.post.Post;
import org.quillpress.site.SiteSettings;
import org.quillpress.web.Paths;
import org.quillpress.web.PublicPage;

/**
 * Atom feeds of comments: one post's, and the whole site's latest. Approved comments only, no emails. Each
 * answers with a weak ETag of its bytes, so that a reader polling it gets 304 until a comment arrives.
 */
@Path("/")
public class CommentFeedResource {

    static final String CACHE_CONTROL = "public, max-age=60";

    @Inject
    SiteSettings settings;

    @Inject
    Clock clock;

    @Inject
    FeedComments comments;

    @Inject
    FeedPosts posts;

    @Inject
    FeedWriter writer;

    @GET
    @PublicPage(everyone = true)
    @Path("posts/{slug}/comments/feed")
    @Transactional
    public Response forPost(@RestPath String slug, Request request) {
        Post post = Post.findBySlug(slug).filter(p -> p.isVisibleAt(clock.instant()))
                .orElseThrow(NotFoundException::new);
        Channel channel = new Channel(FeedTexts.commentsOn(post.title), null, post.path(),
                Paths.postCommentFeed(slug), null);
        // with no comment yet, the feed is as old as the post
        return answer(writer.comments(channel, comments.ofPost(post.id, post.path()), post.publishAt), request);
    }

    @GET
    @PublicPage(everyone = true)
    @Path("comments/feed")
    @Transactional
    public Response forSite(Request request) {
        List<FeedComments.Row> rows = comments.latest(clock.instant());
        Channel channel = new Channel(FeedTexts.commentsOn(settings.current().title()), null, Paths.home(),
                Paths.commentFeed(), null);
        // with no comment yet, the feed is as old as the newest post, or as the site itself
        Instant empty = rows.isEmpty() ? siteChanged() : null;
        return answer(writer.comments(channel, rows, empty), request);
    }

    private Instant siteChanged() {
        Instant latest = posts.latestChange(clock.instant());
        if (latest != null) {
            return latest;
        }
        Instant firstAccount = Account.getEntityManager()
                .createQuery("select min(a.createdAt) from Account a", Instant.class).getSingleResult();
        return firstAccount != null ? firstAccount : clock.instant();
    }

    private static Response answer(byte[] feed, Request request) {
        return FeedResource.respond(feed, Format.ATOM, CACHE_CONTROL, request);
    }
}
