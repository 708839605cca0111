package org.quillpress.feed;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.quillpress.account.Account;
import org.quillpress.feed.FeedPosts.Scope;
import org.quillpress.feed.FeedWriter.Channel;
import org.quillpress.feed.FeedWriter.Format;
import org.quillpress.post.Category;
import org.quillpress.post.CategoryRedirect;
import org.quillpress.post.Tag;
import org.quillpress.post.TagRedirect;
import org.quillpress.site.SiteSettings;
import org.quillpress.web.Paths;
import org.quillpress.web.PublicPage;

/**
 * The feeds, each in Atom 1.0 and RSS 2.0: the whole site's, a tag's, a category's and an author's. No
 * {@code @Produces}: a reader that asks for the other format still gets a feed rather than a 406.
 */
@Path("/")
public class FeedResource {

    /** Readers poll every few minutes; five minutes of staleness costs nobody anything. */
    static final String CACHE_CONTROL = "public, max-age=300";

    @Inject
    FeedPosts posts;

    @Inject
    FeedWriter writer;

    @Inject
    SiteSettings settings;

    @Inject
    Clock clock;

    @GET
    @PublicPage
    @Path("feed")
    public Response siteAtom(Request request) {
        return site(Format.ATOM, request);
    }

    @GET
    @PublicPage
    @Path("rss")
    public Response siteRss(Request request) {
        return site(Format.RSS, request);
    }

    @GET
    @PublicPage
    @Path("tags/{slug}/feed")
    public Response tagAtom(@RestPath String slug, Request request) {
        return tag(slug, Format.ATOM, request);
    }

    @GET
    @PublicPage
    @Path("tags/{slug}/feed/rss")
    public Response tagRss(@RestPath String slug, Request request) {
        return tag(slug, Format.RSS, request);
    }

    @GET
    @PublicPage
    @Path("categories/{slug}/feed")
    public Response categoryAtom(@RestPath String slug, Request request) {
        return category(slug, Format.ATOM, request);
    }

    @GET
    @PublicPage
    @Path("categories/{slug}/feed/rss")
    public Response categoryRss(@RestPath String slug, Request request) {
        return category(slug, Format.RSS, request);
    }

    @GET
    @PublicPage
    @Path("authors/{handle}/feed")
    public Response authorAtom(@RestPath String handle, Request request) {
        return author(handle, Format.ATOM, request);
    }

    @GET
    @PublicPage
    @Path("authors/{handle}/feed/rss")
    public Response authorRss(@RestPath String handle, Request request) {
        return author(handle, Format.RSS, request);
    }

    private Response site(Format format, Request request) {
        SiteSettings.Site site = settings.current();
        return answer(new Channel(site.title(), site.tagline(), Paths.home(), Paths.feed(), Paths.rss()), Scope.ALL, format,
                request);
    }

    private Response tag(String slug, Format format, Request request) {
        Tag tag = Tag.findBySlug(slug).orElse(null);
        if (tag == null) {
            return moved(TagRedirect.currentSlugFor(slug)
                    .map(s -> format == Format.ATOM ? Paths.tagFeed(s) : Paths.tagRss(s)));
        }
        Channel channel = new Channel(tag.name + " · " + settings.current().title(), "Posts tagged " + tag.name + ".",
                Paths.tag(tag.slug), Paths.tagFeed(tag.slug), Paths.tagRss(tag.slug));
        return answer(channel, Scope.tag(tag.id), format, request);
    }

    private Response category(String slug, Format format, Request request) {
        Category category = Category.findBySlug(slug).orElse(null);
        if (category == null) {
            return moved(CategoryRedirect.currentSlugFor(slug)
                    .map(s -> format == Format.ATOM ? Paths.categoryFeed(s) : Paths.categoryRss(s)));
        }
        String subtitle = category.description == null || category.description.isBlank()
                ? "Posts in " + category.name + "."
                : category.description;
        Channel channel = new Channel(category.name + " · " + settings.current().title(), subtitle,
                Paths.category(category.slug), Paths.categoryFeed(category.slug), Paths.categoryRss(category.slug));
        return answer(channel, Scope.category(category.id), format, request);
    }

    private Response author(String handle, Format format, Request request) {
        Account author = Account.findByHandle(handle).orElseThrow(NotFoundException::new);
        Channel channel = new Channel(author.displayName + " · " + settings.current().title(),
                "Posts by " + author.displayName + ".", Paths.author(author.handle), Paths.authorFeed(author.handle),
                Paths.authorRss(author.handle));
        return answer(channel, Scope.author(author.id), format, request);
    }

    /** A renamed or merged term's old feed: a permanent redirect to its feed now, else 404. */
    private static Response moved(java.util.Optional<String> path) {
        return Response.status(Response.Status.MOVED_PERMANENTLY)
                .location(java.net.URI.create(path.orElseThrow(NotFoundException::new))).build();
    }

    private Response answer(Channel channel, Scope scope, Format format, Request request) {
        byte[] body = writer.write(channel, posts.latest(scope, clock.instant()), format);
        // weak: the same feed may go out gzipped or not, and a strong tag would promise identical bytes
        EntityTag etag = new EntityTag(digest(body), true);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return notModified.tag(etag).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).build();
        }
        return Response.ok(body, format.contentType()).tag(etag).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .build();
    }

    static String digest(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
