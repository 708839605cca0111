package org.quillpress.feed;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.quillpress.account.Account;
import org.quillpress.post.Post;
import org.quillpress.site.SiteSettings;
import org.quillpress.web.Paths;
import org.quillpress.web.PublicPage;
import org.quillpress.web.PublicUrls;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

/** Atom feeds of comments: one post's, and the whole site's latest. Approved comments only, no emails. */
@Path("/")
public class CommentFeedResource {

    static final String ATOM = "application/atom+xml; charset=UTF-8";
    static final String CACHE_CONTROL = "public, max-age=60";

    @Inject
    PublicUrls urls;

    @Inject
    SiteSettings settings;

    @Inject
    Clock clock;

    @Inject
    FeedComments comments;

    @Inject
    FeedPosts posts;

    @GET
    @PublicPage
    @Path("posts/{slug}/comments/feed")
    @Transactional
    public Response forPost(@RestPath String slug, Request request) {
        Post post = Post.findBySlug(slug).filter(p -> p.isVisibleAt(clock.instant()))
                .orElseThrow(NotFoundException::new);
        // with no comment yet, the feed is as old as the post
        return answer("Comments on " + post.title, post.path(), Paths.postCommentFeed(slug),
                comments.ofPost(post.id, post.path()), post.publishAt, request);
    }

    @GET
    @Path("comments/feed")
    @Transactional
    public Response forSite(Request request) {
        List<FeedComments.Row> rows = comments.latest(clock.instant());
        // with no comment yet, the feed is as old as the newest post, or as the site itself
        Instant empty = rows.isEmpty() ? siteChanged() : null;
        return answer("Comments on " + settings.current().title(), Paths.home(), Paths.commentFeed(), rows, empty,
                request);
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

    /**
     * The feed, dated by its newest comment ({@code whenEmpty} when it has none), with a weak ETag of its bytes so
     * that a reader polling it gets 304 until a comment arrives.
     */
    private Response answer(String title, String pagePath, String selfPath, List<FeedComments.Row> rows,
            Instant whenEmpty, Request request) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setEncoding(StandardCharsets.UTF_8.name());
        feed.setTitle(title);
        feed.setLink(urls.of(pagePath));
        feed.setUri(urls.of(selfPath));
        feed.setPublishedDate(Date.from(rows.isEmpty() ? whenEmpty : rows.get(0).createdAt()));
        feed.setLinks(new ArrayList<>(List.of(link("alternate", "text/html", urls.of(pagePath)),
                link("self", "application/atom+xml", urls.of(selfPath)))));
        List<SyndEntry> entries = new ArrayList<>();
        for (FeedComments.Row c : rows) {
            SyndEntry entry = new SyndEntryImpl();
            entry.setTitle(c.writer() + " on " + c.postTitle());
            entry.setLink(urls.of(c.postPath()) + "#comment-" + c.id());
            String host = URI.create(urls.base()).getHost();
            entry.setUri(host == null ? entry.getLink()
                    : "tag:" + host + "," + c.createdAt().atZone(ZoneOffset.UTC).toLocalDate() + ":comment-" + c.id());
            entry.setPublishedDate(Date.from(c.createdAt()));
            entry.setUpdatedDate(Date.from(c.editedAt() != null ? c.editedAt() : c.createdAt()));
            SyndPerson author = new SyndPersonImpl();
            author.setName(c.writer());
            entry.setAuthors(List.of(author));
            SyndContent content = new SyndContentImpl();
            content.setType("html");
            // rendered by web.Markdown.renderComment and sanitized when the comment was saved
            content.setValue(c.bodyHtml());
            entry.setContents(List.of(content));
            entries.add(entry);
        }
        feed.setEntries(entries);
        byte[] body;
        try {
            body = Xml.bytes(new SyndFeedOutput().outputJDom(feed));
        } catch (FeedException e) {
            throw new IllegalStateException("Could not write the comments feed " + selfPath, e);
        }
        EntityTag etag = new EntityTag(FeedResource.digest(body), true);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return notModified.tag(etag).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).build();
        }
        return Response.ok(body, ATOM).tag(etag).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).build();
    }

    private static SyndLink link(String rel, String type, String href) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setType(type);
        link.setHref(href);
        return link;
    }
}
