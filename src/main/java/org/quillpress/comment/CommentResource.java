package org.quillpress.comment;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.quillpress.account.SocialProvider;
import org.quillpress.post.Post;
import org.quillpress.security.CurrentUser;
import org.quillpress.security.Sessions;
import org.quillpress.web.InvalidInputException;
import org.quillpress.web.Markdown;
import org.quillpress.web.Paths;
import org.quillpress.web.Slugs;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;

/** The comment form's actions: post, preview, reply without script, and a writer's own edit or delete. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class CommentResource {

    /** The post a form belongs to, and the comment it replies to. */
    public record Context(String postSlug, String postTitle, CommentViews.Item parent) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance reply(Context context, CommentViews.Form form, String preview);

        static native TemplateInstance edit(long id, String postSlug, String body, Map<String, String> errors);

        /** Just the rendered comment, for the script's live preview. */
        static native TemplateInstance preview(String html);
    }

    @Inject
    CommentService comments;

    @Inject
    GuestCookie guestCookie;

    @Inject
    CurrentUser currentUser;

    @Inject
    Markdown markdown;

    @Inject
    CommentThreads threads;

    @Inject
    RoutingContext routing;

    @Inject
    SignInDrafts drafts;

    @Inject
    Clock clock;

    @Inject
    Sessions sessions;

    @POST
    @Path("posts/{slug}/comments")
    public Response post(@RestPath String slug, @BeanParam CommentForm form) {
        if (form.previewRequested()) {
            return Response.ok(Templates.reply(context(slug, form.parentId()), form.typed(Map.of()),
                    markdown.renderComment(form.body()))).build();
        }
        try {
            CommentService.Outcome outcome = comments.submit(slug, form.toSubmission(), writer());
            if (currentUser.account().isEmpty()) {
                guestCookie.remember(routing, form.name().strip(), form.email().strip(), form.website(), outcome.id());
            }
            String anchor = outcome.status() == CommentStatus.SPAM ? "#comments" : "#comment-" + outcome.id();
            return Response.seeOther(URI.create(pathOf(slug) + anchor)).build();
        } catch (InvalidInputException e) {
            Response.ResponseBuilder response = Response.status(e.status())
                    .entity(Templates.reply(context(slug, form.parentId()), form.typed(e.errors()), null));
            if (e.retryAfterSeconds() > 0) {
                response.header("Retry-After", e.retryAfterSeconds());
            }
            return response.build();
        }
    }

    /**
     * A guest leaves the comment form to sign in with a provider: what they typed is kept for their return to the
     * same form, then the account package takes them on to the provider. The form posts here with its CSRF token,
     * so a draft cannot be planted by another site.
     */
    @POST
    @Path("posts/{slug}/comments/sign-in/{provider}")
    public Response signInFromForm(@RestPath String slug, @RestPath String provider, @BeanParam CommentForm form) {
        SocialProvider chosen = SocialProvider.byId(provider).orElseThrow(NotFoundException::new);
        // a post or a page: both have a comment form
        Post.findBySlug(slug).filter(p -> p.isVisibleAt(clock.instant()))
                .ifPresent(post -> drafts.save(routing, post.id, form.parentId(), form.body()));
        String back = URLEncoder.encode(pathOf(slug) + "#respond", StandardCharsets.UTF_8);
        return Response.seeOther(URI.create("/login/" + chosen.id + "/on-the-way?then=" + back)).build();
    }

    /**
     * "Change" on a signed-in reader's comment form: signs them out (a change of state, so a form post with its
     * CSRF token, like "Sign out") and brings them back to the same post's form, where they choose again how to
     * comment: as a guest or with another account.
     */
    @POST
    @Path("posts/{slug}/comments/change-account")
    public Response changeAccount(@RestPath String slug) {
        if (!Slugs.isValid(slug)) {
            throw new NotFoundException();
        }
        sessions.end(routing);
        return Response.seeOther(URI.create(pathOf(slug) + "#respond")).build();
    }

    @GET
    @Path("posts/{slug}/comments/{id}/reply")
    public TemplateInstance replyPage(@RestPath String slug, @RestPath long id) {
        GuestCookie.Guest guest = guestCookie.read(routing);
        return Templates.reply(context(slug, id),
                new CommentViews.Form("", id, guest.name(), guest.email(), guest.website(), false, Map.of()), null);
    }

    /** A comment's permanent address: leads to the page of the thread that shows it. */
    @GET
    @Path("comments/{id: \\d+}")
    public Response permalink(@RestPath long id) {
        Comment comment = Comment.<Comment> findByIdOptional(id)
                .filter(c -> c.status == CommentStatus.APPROVED && c.post.isVisibleAt(clock.instant()))
                .orElseThrow(NotFoundException::new);
        int page = threads.pageOf(comment);
        return Response.seeOther(URI.create(comment.post.path() + (page > 1 ? "?cpage=" + page : "")
                + "#comment-" + id)).build();
    }

    @POST
    @Path("comments/preview")
    public TemplateInstance preview(@RestForm String body) {
        return Templates.preview(markdown.renderComment(body));
    }

    @GET
    @Path("comments/{id}/edit")
    public TemplateInstance editPage(@RestPath long id) {
        Comment comment = comments.ownComment(id, writer(), guestCookie.read(routing).commentIds());
        return Templates.edit(id, slugOf(comment), comment.bodyMarkdown, Map.of());
    }

    @POST
    @Path("comments/{id}/edit")
    public Response edit(@RestPath long id, @RestForm String body) {
        try {
            Comment comment = comments.edit(id, body, writer(), guestCookie.read(routing).commentIds());
            return Response.seeOther(URI.create(pathOf(slugOf(comment)) + "#comment-" + id)).build();
        } catch (InvalidInputException e) {
            Comment comment = Comment.findById(id);
            return Response.status(e.status()).entity(Templates.edit(id, slugOf(comment), body, e.errors())).build();
        }
    }

    @POST
    @Path("comments/{id}/delete")
    public Response delete(@RestPath long id) {
        Comment comment = comments.withdraw(id, writer(), guestCookie.read(routing).commentIds());
        return Response.seeOther(URI.create(pathOf(slugOf(comment)) + "#comments")).build();
    }

    private Writer writer() {
        return new Writer(currentUser.account(), routing.request().remoteAddress().host(),
                routing.request().getHeader("User-Agent"),
                sessions.endedSessionAccount(routing, currentUser.account().isPresent()).orElse(null));
    }

    /** Where the post or page with this slug is read: comments live on pages too. */
    private static String pathOf(String slug) {
        return Post.findBySlug(slug).map(Post::path).orElse(Paths.post(slug));
    }

    private static String slugOf(Comment comment) {
        return Post.<Post> findByIdOptional(comment.post.id).map(p -> p.slug).orElseThrow(NotFoundException::new);
    }

    /**
     * The form's post, when this reader may see it: an unpublished post does not exist for anyone who cannot
     * edit it, so neither its title nor the fact that the slug is taken shows.
     */
    private Context context(String slug, Long parentId) {
        Post post = Post.findBySlug(slug)
                .filter(p -> p.isVisibleAt(clock.instant())
                        || currentUser.account().map(p::editableBy).orElse(false))
                .orElseThrow(NotFoundException::new);
        CommentViews.Item parent = null;
        if (parentId != null) {
            parent = Comment.<Comment> findByIdOptional(parentId)
                    .filter(c -> c.post.id.equals(post.id) && c.status == CommentStatus.APPROVED)
                    .map(c -> new CommentViews.Item(c.id, null, c.depth,
                            c.account != null ? c.account.displayName : c.authorName, null, null, null, c.bodyHtml,
                            c.createdAt, c.editedAt, false, false, false, false))
                    .orElse(null);
        }
        return new Context(post.slug, post.title, parent);
    }
}
