package org.quillpress.feed;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

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
 * The feeds, each in Atom 1.0 and RSS 2.0: the whole site's, a tag's, a category's and an author's. A listing's
 * feed is at its page's address plus {@code /feed} (Atom) or {@code /feed/rss}. No {@code @Produces}: a reader
 * that asks for the other format still gets a feed rather than a 406.
 */
@Path("/")
public class FeedResource {

    /** Readers poll every few minutes; five minutes of staleness costs nobody anything. */
    static final String CACHE_CONTROL = "public, max-age=300";

    /** The end of a listing's feed addresses, which names the format. */
    private static final String FORMAT = "{format: feed|feed/rss}";

    @Inject
    FeedPosts posts;

    @Inject
    FeedWriter writer;

    @Inject
    SiteSettings settings;

    @Inject
    Clock clock;

    @GET
    @PublicPage(everyone = true)
    @Path("feed")
    public Response siteAtom(Request request) {
        return site(Format.ATOM, request);
    }

    @GET
    @PublicPage(everyone = true)
    @Path("rss")
    public Response siteRss(Request request) {
        return site(Format.RSS, request);
    }

    @GET
    @PublicPage(everyone = true)
    @Path("tags/{slug}/" + FORMAT)
    public Response tag(@RestPath String slug, @RestPath String format, Request request) {
        Format as = format(format);
        return Tag.findBySlug(slug)
                .map(tag -> answer(new Channel(titled(tag.name), FeedTexts.postsTagged(tag.name), Paths.tag(tag.slug),
                        Paths.tagFeed(tag.slug), Paths.tagRss(tag.slug)), Scope.tag(tag.id), as, request))
                .orElseGet(() -> moved(TagRedirect.currentSlugFor(slug).map(s -> as.pick(Paths.tagFeed(s),
                        Paths.tagRss(s)))));
    }

    @GET
    @PublicPage(everyone = true)
    @Path("categories/{slug}/" + FORMAT)
    public Response category(@RestPath String slug, @RestPath String format, Request request) {
        Format as = format(format);
        Optional<Category> found = Category.findBySlug(slug);
        if (found.isEmpty()) {
            return moved(CategoryRedirect.currentSlugFor(slug).map(s -> as.pick(Paths.categoryFeed(s),
                    Paths.categoryRss(s))));
        }
        Category category = found.get();
        String subtitle = category.description == null || category.description.isBlank()
                ? FeedTexts.postsIn(category.name)
                : category.description;
        return answer(new Channel(titled(category.name), subtitle, Paths.category(category.slug),
                Paths.categoryFeed(category.slug), Paths.categoryRss(category.slug)), Scope.category(category.id), as,
                request);
    }

    @GET
    @PublicPage(everyone = true)
    @Path("authors/{handle}/" + FORMAT)
    public Response author(@RestPath String handle, @RestPath String format, Request request) {
        Account author = Account.findByHandle(handle).orElseThrow(NotFoundException::new);
        return answer(new Channel(titled(author.displayName), FeedTexts.postsBy(author.displayName),
                Paths.author(author.handle), Paths.authorFeed(author.handle), Paths.authorRss(author.handle)),
                Scope.author(author.id), format(format), request);
    }

    private Response site(Format format, Request request) {
        SiteSettings.Site site = settings.current();
        return answer(new Channel(site.title(), site.tagline(), Paths.home(), Paths.feed(), Paths.rss()), Scope.ALL,
                format, request);
    }

    /** The format named by the end of a listing's feed address. */
    private static Format format(String ending) {
        return ending.endsWith("/rss") ? Format.RSS : Format.ATOM;
    }

    /** A listing's feed title: its name, then the site's. */
    private String titled(String name) {
        return FeedTexts.ofSite(name, settings.current().title());
    }

    /** A renamed or merged term's old feed: a permanent redirect to its feed now, else 404. */
    private static Response moved(Optional<String> path) {
        return Response.status(Response.Status.MOVED_PERMANENTLY)
                .location(URI.create(path.orElseThrow(NotFoundException::new))).build();
    }

    private Response answer(Channel channel, Scope scope, Format format, Request request) {
        return respond(writer.posts(channel, posts.latest(scope, clock.instant()), format), format, CACHE_CONTROL,
                request);
    }

    /**
     * A feed's answer: its bytes with a weak ETag of them, or 304 to a reader that already has them. Weak, since
     * the same feed may go out gzipped or not, and a strong tag would promise identical bytes.
     */
    static Response respond(byte[] body, Format format, String cacheControl, Request request) {
        EntityTag etag = new EntityTag(digest(body), true);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return notModified.tag(etag).header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
        }
        return Response.ok(body, format.contentType()).tag(etag).header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .build();
    }

    private static String digest(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
