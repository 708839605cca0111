package org.quillpress.comment;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import org.quillpress.account.AccountPrincipal;
import org.quillpress.post.Post;
import org.quillpress.post.PostKind;
import org.quillpress.post.PostReader;
import org.quillpress.post.PostViews.Full;
import org.quillpress.security.CurrentUser;
import org.quillpress.security.FormFields;
import org.quillpress.security.StandIn;
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

    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset(StandardCharsets.UTF_8.name());

    @CheckedTemplate
    static class Templates {
        /** The page: slots for the shared parts (see {@link SplicedPage}), and what is the reader's own. */
        static native TemplateInstance post(Full post, SplicedPage.Slots shared, boolean open, String canonical,
                CommentViews.Form form);

        /** The post itself, as everyone sees it who may not edit it. */
        static native TemplateInstance article(Full post, long approvedCount);

        /** A page of the thread: heading, comments, page links. */
        static native TemplateInstance discussion(Full post, CommentViews.Thread thread);
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

    @Inject
    PostPageParts parts;

    @Inject
    DiscussionSettings settings;

    @Inject
    Clock clock;

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

    /**
     * Shows a post or page; a page asked for at another path than its own is redirected there. What every
     * reader without rights over the post sees alike (the article, the page of the thread) comes from
     * {@link PostPageParts}, and so does the rest of the page for visitors of one kind (see {@link SplicedPage}):
     * a guest's or a reader's page is filled in with their name, CSRF token and form fields, with no template
     * rendered. The post's editors and staff get the page rendered for them (the edit link, the moderation
     * count), and so does a reader with comments of their own to see there (held, or still editable), or a
     * comment typed before signing in.
     */
    private Response show(String slug, PostKind kind, String askedPath, int commentPage) {
        Optional<AccountPrincipal> viewer = currentUser.account();
        PostReader.Lookup asReader = parts.lookup(slug, kind, () -> reader.find(slug, kind, Optional.empty()));
        // the post's editors see its drafts, its edit link and what else they may do
        PostReader.Lookup lookup = viewer.isPresent() && mayEdit(viewer.get(), asReader)
                ? reader.find(slug, kind, asReader, viewer.get())
                : asReader;
        if (lookup instanceof PostReader.Found found) {
            Full post = found.post();
            if (askedPath != null && !askedPath.equals(post.path())) {
                return Response.status(Response.Status.MOVED_PERMANENTLY).location(URI.create(post.path())).build();
            }
            GuestCookie.Guest guest = guestCookie.read(routing);
            boolean open = CommentService.commentsOpen(post.commentsOpen(), post.publishAt(), settings.current(),
                    clock.instant());
            PostPageParts.Shared shared;
            boolean sharedThread = asReader instanceof PostReader.Found && !showsOwnComments(post.id(), viewer, guest);
            if (sharedThread) {
                // built from the post as readers see it, whoever asks first
                Full shareable = ((PostReader.Found) asReader).post();
                shared = parts.discussion(post.id(), commentPage, open,
                        () -> render(shareable, threads.forPost(ref(shareable), Optional.empty(), List.of(), commentPage)));
                if (post.editable()) {
                    shared = shared.withArticle(Templates.article(post, shared.approvedCount()).render());
                }
            } else {
                shared = render(post, threads.forPost(ref(post), viewer, guest.commentIds(), commentPage));
            }
            // back from signing in with a provider, finished or not: the comment they had typed
            Optional<SignInDrafts.Draft> draft = drafts.take(routing, post.id());
            CommentViews.Form form = draft.map(d -> new CommentViews.Form(d.body(), d.parentId(), guest.name(),
                    guest.email(), guest.website(), false, Map.of()))
                    .orElse(CommentViews.Form.empty(guest.name(), guest.email(), guest.website()));
            String canonical = shared.page() > 1 ? post.path() + "?cpage=" + shared.page() : post.path();
            // a page that differs from others of its kind only by the visitor's name, token and form fields
            boolean likeOthers = sharedThread && lookup == asReader && draft.isEmpty()
                    && viewer.map(v -> !v.isStaff()).orElse(guest.name().isEmpty() && guest.email().isEmpty()
                            && guest.website().isEmpty());
            Optional<AccountPrincipal> as = viewer;
            CommentViews.Form typed = form;
            PostPageParts.Shared beside = shared;
            SplicedPage.Skeleton skeleton = likeOthers
                    ? parts.skeleton(post.id(), shared.page(), open, viewer.map(AccountPrincipal::role).orElse(null),
                            () -> SplicedPage.cut(StandIn.render(as,
                                    () -> Templates.post(post, SplicedPage.SLOTS, open, canonical, typed).render()))
                                    .joinedWith(beside.article(), beside.discussion()))
                    : SplicedPage.cut(Templates.post(post, SplicedPage.SLOTS, open, canonical, form).render());
            return Response.ok(skeleton.entity(filling(skeleton, shared, viewer)), HTML).build();
        }
        if (lookup instanceof PostReader.Moved moved) {
            return Response.status(Response.Status.MOVED_PERMANENTLY).location(URI.create(moved.path())).build();
        }
        if (lookup instanceof PostReader.Gone) {
            throw new WebApplicationException(Response.Status.GONE);
        }
        throw new NotFoundException();
    }

    /** What fills a page's slots for this request: the shared parts, and the visitor's own values it has room for. */
    private static SplicedPage.Filling filling(SplicedPage.Skeleton skeleton, PostPageParts.Shared shared,
            Optional<AccountPrincipal> viewer) {
        List<SplicedPage.Slot> slots = skeleton.slots();
        return new SplicedPage.Filling(shared.article(), shared.discussion(),
                slots.contains(SplicedPage.Slot.NAME) ? SplicedPage.escaped(viewer.orElseThrow().displayName()) : null,
                slots.contains(SplicedPage.Slot.CSRF_TOKEN) ? SplicedPage.escaped(FormFields.csrfToken()) : null,
                slots.contains(SplicedPage.Slot.FORM_FIELDS) ? SplicedPage.bytes(FormFields.forThisRequest()) : null);
    }

    /**
     * Whether the visitor sees the thread differently from others. A signed-in reader's "no" is kept until the
     * post's comments change (see {@link PostPageParts#withoutOwnComments}).
     */
    private boolean showsOwnComments(long postId, Optional<AccountPrincipal> viewer, GuestCookie.Guest guest) {
        if (viewer.isPresent()) {
            return !parts.withoutOwnComments(postId, viewer.get().id(),
                    () -> !threads.showsOwnComments(postId, viewer, List.of()));
        }
        return threads.showsOwnComments(postId, viewer, guest.commentIds());
    }

    /**
     * Whether the viewer may find more than readers do at this address: editors of every post always, an
     * author when it is none of someone else's visible posts (it may be a draft of theirs).
     */
    private static boolean mayEdit(AccountPrincipal viewer, PostReader.Lookup asReader) {
        if (Post.editsEveryPost(viewer)) {
            return true;
        }
        return viewer.isAuthor()
                && !(asReader instanceof PostReader.Found found && found.post().authorId() != viewer.id());
    }

    private static CommentThreads.PostRef ref(Full post) {
        return new CommentThreads.PostRef(post.id(), post.authorId(), post.commentsOpen(), post.publishAt());
    }

    private static PostPageParts.Shared render(Full post, CommentViews.Thread thread) {
        return PostPageParts.Shared.of(Templates.article(post, thread.approvedCount()).render(),
                Templates.discussion(post, thread).render(), thread.page(), thread.approvedCount());
    }
}
