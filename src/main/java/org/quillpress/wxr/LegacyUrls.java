package org.quillpress.wxr;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.quillpress.post.Post;
import org.quillpress.post.SlugRedirect;
import org.quillpress.web.Paths;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * WordPress addresses of an imported blog keep working: each answers 301 with the new address, so links
 * from elsewhere and search engines follow the move. Dated permalinks are found by the slug the post had
 * on WordPress (it may have a different one here after a collision), then by its slug here.
 */
@Path("/")
public class LegacyUrls {

    @GET
    @Path("{year: \\d{4}}/{month: \\d{2}}/{day: \\d{2}}/{slug}")
    @Transactional
    public Response daily(@RestPath String slug) {
        return moved(postPath(slug));
    }

    @GET
    @Path("{year: \\d{4}}/{month: \\d{2}}/{slug: [^/]*[^/0-9][^/]*}")
    @Transactional
    public Response monthly(@RestPath String slug) {
        return moved(postPath(slug));
    }

    @GET
    @Path("{year: \\d{4}}/{month: \\d{2}}")
    public Response month(@RestPath String year, @RestPath String month) {
        return moved(Optional.of(Paths.month(Integer.parseInt(year), Integer.parseInt(month))));
    }

    /** Nested categories have each ancestor in the address; the last segment names the category. */
    @GET
    @Path("category/{slugs: .+}")
    public Response category(@RestPath String slugs) {
        String[] parts = slugs.split("/");
        return moved(Optional.of(Paths.category(parts[parts.length - 1])));
    }

    @GET
    @Path("tag/{slug}")
    public Response tag(@RestPath String slug) {
        return moved(Optional.of(Paths.tag(slug)));
    }

    /** WordPress's author archive (by login, or by the name in its address): the author's page here. */
    @GET
    @Path("author/{name}")
    @Transactional
    public Response author(@RestPath String name) {
        return moved(ImportedAuthors.handleForLogin(name).map(Paths::author));
    }

    /**
     * An address with letters outside ASCII (a page or post whose WordPress slug was Greek, Cyrillic, German…, at
     * the top level or under its parents, {@code /%ce%b1%ce%b2/%ce%b3/}): its slug was transliterated here, so the
     * last segment is looked up as a WordPress slug and the request moved to where that page is now.
     */
    @GET
    // matched on the decoded path or, should the router see it encoded, on a byte of a UTF-8 sequence
    @Path("{path: .*(?:[^\\x00-\\x7F]|%[89a-fA-F][0-9a-fA-F]).*}")
    @Produces({ MediaType.TEXT_HTML, MediaType.WILDCARD })
    @Transactional
    public Response transliterated(@RestPath String path) {
        String[] segments = path.replaceFirst("/+$", "").split("/");
        String slug = segments[segments.length - 1].toLowerCase(Locale.ROOT);
        return moved(WxrLink.pathForWordPressSlug(slug));
    }

    /** WordPress's feed address ends in a slash; the site feed (Atom) is at /feed. */
    @GET
    @Path("feed/{kind: (rss2?|atom|rdf)?}")
    public Response feed(@RestPath String kind) {
        return moved(Optional.of(kind.startsWith("rss") || kind.equals("rdf") ? Paths.rss() : Paths.feed()));
    }

    /**
     * {@code /?p=42} and {@code /?page_id=7}: WordPress's plain links, answered instead of the home page
     * (after matching, so on the home page's worker thread). The page cache keys pages by their query and
     * never stores a redirect, so the cached home page is unaffected.
     */
    @ServerRequestFilter
    public Optional<Response> plainLinks(ContainerRequestContext request) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())
                || !"/".equals(request.getUriInfo().getPath())) {
            return Optional.empty();
        }
        var query = request.getUriInfo().getQueryParameters();
        String id = query.getFirst("p") != null ? query.getFirst("p") : query.getFirst("page_id");
        if (id == null) {
            return Optional.empty();
        }
        long wpId = WxrReader.number(id);
        String host = Objects.requireNonNullElse(request.getUriInfo().getRequestUri().getHost(), "");
        // a transaction for the one request in many that asks for an old link, not for every request
        return Optional.of(moved(wpId <= 0 ? Optional.empty()
                : QuarkusTransaction.joiningExisting().call(() -> WxrLink.pathForWordPressId(wpId, host))));
    }

    private static Optional<String> postPath(String rawSlug) {
        String slug = rawSlug.endsWith("/") ? rawSlug.substring(0, rawSlug.length() - 1) : rawSlug;
        return WxrLink.pathForWordPressSlug(slug)
                .or(() -> Post.findBySlug(slug).map(Post::path))
                .or(() -> SlugRedirect.currentSlugFor(slug).map(Paths::post));
    }

    private static Response moved(Optional<String> path) {
        return path.flatMap(LegacyUrls::uri)
                .map(p -> Response.status(Response.Status.MOVED_PERMANENTLY).location(p).build())
                .orElseThrow(NotFoundException::new);
    }

    /** A slug from an old link may hold anything (a space, a {@code <}): no such term exists here, so 404. */
    private static Optional<URI> uri(String path) {
        try {
            return Optional.of(new URI(path));
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
