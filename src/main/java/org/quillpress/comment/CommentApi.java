package org.quillpress.comment;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.quillpress.post.Post;
import org.quillpress.security.CurrentUser;
import org.quillpress.security.FormStamp;
import org.quillpress.security.Sessions;
import org.quillpress.web.Paths;

import io.vertx.ext.web.RoutingContext;

/** A post's comments for clients: the approved thread, and posting under the same rules as the form. */
@Path("/api/v1/posts/{slug}/comments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Comments")
public class CommentApi {

    /** A comment in the thread. No email and no address, ever. */
    public record CommentJson(long id, Long parentId, int depth, Author author, String html, Instant created,
            Instant edited) {
    }

    /** Who wrote a comment, as readers may see it; {@code staff}: a moderator or an admin of the site. */
    public record Author(String name, String url, String initials, int colour, boolean postAuthor, boolean staff) {
    }

    /**
     * A new comment; name, email and website are ignored when signed in. A guest may send the {@code started} stamp
     * from {@link #stamp}, as the form does: a stamp that is not genuine, or sent sooner than a person could write,
     * makes the comment spam. Without one, the per-network limits are what holds a script back.
     */
    public record NewComment(String body, Long parentId, String name, String email, String website, Boolean notifyReplies,
            String started) {
    }

    /** A signed "writing started now" stamp for a guest's next comment, and how long to write at least. */
    public record Stamp(String started, int minSeconds) {
    }

    /** What became of a new comment. Spam is reported as PENDING, so that bots learn nothing. */
    public record Created(long id, String status) {
    }

    @Inject
    CommentService comments;

    @Inject
    CommentThreads threads;

    @Inject
    CurrentUser currentUser;

    @Inject
    RoutingContext routing;

    @Inject
    Clock clock;

    @Inject
    Sessions sessions;

    @Inject
    FormStamp stamps;

    @Inject
    DiscussionSettings settings;

    @GET
    @Operation(summary = "The approved comments of a post, in thread order")
    @Transactional
    public List<CommentJson> thread(@RestPath String slug) {
        Post post = Post.findBySlug(slug)
                .filter(p -> p.isVisibleAt(clock.instant())).orElseThrow(NotFoundException::new);
        CommentViews.Thread thread = threads.forPost(
                new CommentThreads.PostRef(post.id, post.author.id, post.commentsOpen, post.publishAt),
                java.util.Optional.empty(), List.of());
        return thread.comments().stream()
                .map(c -> new CommentJson(c.id(), c.parentId(), c.depth(),
                        new Author(c.authorName(), c.authorUrl(), c.initials(), c.colour(), c.byPostAuthor(),
                                c.byStaff()),
                        c.bodyHtml(), c.createdAt(), c.editedAt()))
                .toList();
    }

    @GET
    @Path("stamp")
    @Operation(summary = "A stamp a guest sends with their comment, no sooner than minSeconds after asking for it")
    public Stamp stamp(@RestPath String slug) {
        return new Stamp(stamps.issue(), settings.current().minSecondsToWrite());
    }

    @POST
    @Operation(summary = "Post a comment (guests give name and email); answers with its id and status")
    public RestResponse<Created> post(@RestPath String slug, NewComment in) {
        NewComment body = in == null ? new NewComment(null, null, null, null, null, null, null) : in;
        // a guest who sends a stamp passes the form's timing check; one without is held back by the per-network
        // limits instead (a script cannot be told from a person by time); a signed-in writer is limited per account
        boolean guest = currentUser.account().isEmpty();
        boolean stamped = guest && body.started() != null;
        CommentService.Outcome outcome = comments.submit(slug,
                new CommentSubmission(body.body(), body.parentId(), body.name(), body.email(), body.website(),
                        Boolean.TRUE.equals(body.notifyReplies()), null, body.started(), stamped),
                new Writer(currentUser.account(), routing.request().remoteAddress().host(),
                        routing.request().getHeader("User-Agent"),
                        sessions.endedSessionAccount(routing, !guest).orElse(null)));
        return RestResponse.ResponseBuilder
                .<Created> created(URI.create(Paths.commentOnPost(slug, outcome.id())))
                .entity(new Created(outcome.id(), outcome.publicStatus().name())).build();
    }
}
