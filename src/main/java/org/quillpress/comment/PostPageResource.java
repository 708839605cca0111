package org.quillpress.comment;

import java.net.URI;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.quillpress.post.PostKind;
import org.quillpress.post.PostReader;
import org.quillpress.post.PostViews.Full;
import org.quillpress.security.CurrentUser;
import org.quillpress.web.Paths;
import org.quillpress.web.PublicPage;
import org.quillpress.web.Slugs;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;

/**
 * A post's permalink and a standalone page: the post from the post package, and under it the discussion,
 * which is this package's. It lives here because the discussion is the part that depends on both.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PostPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance post(Full post, CommentViews.Thread thread, CommentViews.Form form);
    }

    @Inject
    PostReader reader;

    @Inject
    CurrentUser currentUser;

    @Inject
    CommentThreads threads;

    @Inject
    GuestCookie guestCookie;

    @Inject
    SignInDrafts drafts;

    @Inject
    RoutingContext routing;

    @GET
    @PublicPage
    @Path("posts/{slug}")
    public Response post(@RestPath String slug, @RestQuery Integer cpage) {
        return show(slug, PostKind.POST, null, cpage == null ? 1 : cpage);
    }

    /** Standalone pages live at the top level; the slug pattern keeps files such as /favicon.svg out. */
    @GET
    @PublicPage
    @Path("{slug: [a-z0-9]+(?:-[a-z0-9]+)*}")
    public Response page(@RestPath String slug, @RestQuery Integer cpage) {
        return show(slug, PostKind.PAGE, routing.request().path(), cpage == null ? 1 : cpage);
    }

    /**
     * A page under others, at its parents' slugs and its own: /about/team. The last segment names the page;
     * any other path to it (a moved page, WordPress's trailing slash) is redirected to the one it has now.
     */
    @GET
    @PublicPage
    @Path("{parent: [a-z0-9]+(?:-[a-z0-9]+)*}/{rest: [a-z0-9/-]*}")
    // any type, so that an address under the site's own roots (/api/v1/nothing) is a 404 in the asker's format
    @Produces({ MediaType.TEXT_HTML, MediaType.WILDCARD })
    public Response nestedPage(@RestPath String parent, @RestPath String rest, @RestQuery Integer cpage) {
        String[] segments = (parent + "/" + rest).split("/");
        String slug = segments[segments.length - 1];
        if (Paths.isReserved(parent) || !Slugs.isValid(slug)) {
            throw new NotFoundException();
        }
        // the path as asked, with any trailing slash, which the route itself would overlook
        return show(slug, PostKind.PAGE, routing.request().path(), cpage == null ? 1 : cpage);
    }

    /** Shows a post or page; a page asked for at another path than its own is redirected there. */
    private Response show(String slug, PostKind kind, String askedPath, int commentPage) {
        PostReader.Lookup lookup = reader.find(slug, kind, currentUser.account());
        if (lookup instanceof PostReader.Found found) {
            Full post = found.post();
            if (askedPath != null && !askedPath.equals(post.path())) {
                return Response.status(Response.Status.MOVED_PERMANENTLY).location(URI.create(post.path())).build();
            }
            GuestCookie.Guest guest = guestCookie.read(routing);
            CommentViews.Thread thread = threads.forPost(
                    new CommentThreads.PostRef(post.id(), post.authorId(), post.commentsOpen(), post.publishAt()),
                    currentUser.account(), guest.commentIds(), commentPage);
            CommentViews.Form form = CommentViews.Form.empty(guest.name(), guest.email(), guest.website());
            // back from signing in with a provider, finished or not: the comment they had typed
            CommentViews.Form typed = form;
            form = drafts.take(routing, post.id()).map(d -> new CommentViews.Form(d.body(), d.parentId(), typed.name(),
                    typed.email(), typed.website(), false, Map.of())).orElse(form);
            return Response.ok(Templates.post(post, thread, form)).build();
        }
        if (lookup instanceof PostReader.Moved moved) {
            return Response.status(Response.Status.MOVED_PERMANENTLY).location(URI.create(moved.path())).build();
        }
        if (lookup instanceof PostReader.Gone) {
            throw new WebApplicationException(Response.Status.GONE);
        }
        throw new NotFoundException();
    }
}
