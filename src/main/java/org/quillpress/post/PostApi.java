package org.quillpress.post;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.quillpress.account.AccountPrincipal;
import org.quillpress.account.Role;
import org.quillpress.post.PostListing.Cursor;
import org.quillpress.post.PostListing.Filter;
import org.quillpress.post.PostViews.Summary;
import org.quillpress.security.CurrentUser;

import io.quarkus.security.ForbiddenException;

/** The posts API: published posts for everyone, writing for authors (session + CSRF header, or a token). */
@Path("/api/v1/posts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Posts")
public class PostApi {

    static final int MAX_PAGE = 100;

    /** A post as clients receive it. */
    public record PostResponse(long id, String kind, String slug, String url, String title, String body, String html,
            String excerpt, List<String> tags, String category, String status, Instant publishAt, boolean commentsOpen,
            AuthorRef author, Instant createdAt, Instant updatedAt, int version, List<String> categories,
            /** The featured image's media id, or null. */
            Long featuredImage) {
    }

    /** The author of a post, by name and handle only. */
    public record AuthorRef(String name, String handle) {
    }

    /** A post in a list, without its body. */
    public record PostListItem(long id, String slug, String url, String title, String excerpt, List<String> tags,
            String category, Instant publishAt, AuthorRef author) {
        static PostListItem of(Summary s) {
            return new PostListItem(s.id(), s.slug(), s.path(), s.title(), s.excerpt(),
                    s.tags().stream().map(PostViews.TagLink::name).toList(),
                    s.category() == null ? null : s.category().name(), s.publishAt(),
                    new AuthorRef(s.author().displayName(), s.author().handle()));
        }
    }

    /** One page of posts; {@code next} is the cursor for the following page, null on the last. */
    public record PostPage(List<PostListItem> items, String next) {
    }

    @Inject
    PostListing listing;

    @Inject
    PostService posts;

    @Inject
    PostDesk desk;

    @Inject
    PostTrash trash;

    @Inject
    PostRevisions revisions;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    /** A post or page on the staff list. */
    public record DeskItem(long id, String kind, String slug, String url, String title, String status,
            String statusBeforeTrash, Instant publishAt, Instant updatedAt, Instant trashedAt, AuthorRef author,
            String category, List<String> tags, int version) {
        static DeskItem of(PostDesk.Row r) {
            return new DeskItem(r.id(), r.kind().name(), r.slug(), r.path(), r.title(), r.status().name(),
                    r.statusBeforeTrash() == null ? null : r.statusBeforeTrash().name(), r.publishAt(), r.updatedAt(),
                    r.trashedAt(), new AuthorRef(r.authorName(), r.authorHandle()), r.category(), r.tags(), r.version());
        }
    }

    /** One page of the staff list with the caller's counts per status; {@code next} is null on the last page. */
    public record DeskPage(List<DeskItem> items, PostDesk.Counts counts, String next) {
    }

    /** A bulk action on the posts with these ids; {@code category} for the action CATEGORY. */
    public record BulkRequest(String action, List<Long> ids, String category) {
    }

    /** How many posts a bulk action changed. */
    public record BulkResult(int posts) {
    }

    /** The version of the post the client saw, which a restore must not silently overwrite. */
    public record RevisionRestore(Integer version) {
    }

    /** The editor's unsaved copy of a post. */
    public record Autosave(String title, String body, String excerpt) {
    }

    @GET
    @Operation(summary = "Published posts, newest first; with status (all, draft, scheduled, published, trash) the "
            + "signed-in author's own posts, or everyone's for those who edit every post, with counts per status")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(oneOf = { PostPage.class,
            DeskPage.class })))
    public Object list(@Parameter(description = "cursor from a previous page's next") @RestQuery String before,
            @RestQuery Integer size, @RestQuery String status, @RestQuery String q, @RestQuery String author,
            @RestQuery String category, @RestQuery String tag, @RestQuery String kind, @RestQuery String sort,
            @Parameter(description = "staff list: cursor from a previous page's next") @RestQuery String after) {
        if (status == null) {
            int pageSize = size == null ? 20 : Math.max(1, Math.min(size, MAX_PAGE));
            PostViews.Listing page = listing.list(Filter.ALL, Cursor.decode(before), null, pageSize);
            return new PostPage(page.posts().stream().map(PostListItem::of).toList(), page.olderCursor());
        }
        AccountPrincipal viewer = currentUser.require();
        if (!viewer.isAuthor()) {
            throw new ForbiddenException();
        }
        PostDesk.Page page = desk.list(new PostDesk.Query(PostDesk.Tab.parse(status), q, author, category, tag,
                PostDesk.kind(kind), PostDesk.Sort.parse(sort), after,
                size == null ? PostDesk.PAGE_SIZE : size), viewer);
        return new DeskPage(page.rows().stream().map(DeskItem::of).toList(), page.counts(), page.next());
    }

    @DELETE
    @Path("{slug}")
    @RolesAllowed(Role.AUTHOR_ROLE)
    @Operation(summary = "Move a post or page to the trash (it leaves every public place); with permanently=true, "
            + "delete one already in the trash for good, with its comments")
    public RestResponse<Void> delete(@RestPath String slug, @RestQuery boolean permanently) {
        if (permanently) {
            trash.purge(slug, currentUser.require());
        } else {
            trash.trash(slug, currentUser.require());
        }
        return RestResponse.noContent();
    }

    @POST
    @Path("{slug}/restore")
    @RolesAllowed(Role.AUTHOR_ROLE)
    @Operation(summary = "Take a post or page out of the trash, with the status it had")
    @Transactional
    public PostResponse restore(@RestPath String slug) {
        trash.restore(slug, currentUser.require());
        return response(Post.findBySlugWithDetails(slug).orElseThrow(NotFoundException::new));
    }

    @POST
    @Path("bulk")
    @RolesAllowed(Role.AUTHOR_ROLE)
    @Operation(summary = "Publish, trash, restore, purge or re-categorise several posts at once (all or nothing)")
    public BulkResult bulk(BulkRequest request) {
        BulkRequest r = request == null ? new BulkRequest(null, null, null) : request;
        return new BulkResult(desk.bulk(PostDesk.BulkAction.parse(r.action()), r.ids(), r.category(),
                currentUser.require()));
    }

    @GET
    @Path("{slug}/revisions")
    @RolesAllowed(Role.AUTHOR_ROLE)
    @Operation(summary = "The saved revisions of a post, newest first, with their text")
    public PostRevisions.History revisions(@RestPath String slug) {
        return revisions.history(slug, currentUser.require());
    }

    @GET
    @Path("{slug}/revisions/diff")
    @RolesAllowed(Role.AUTHOR_ROLE)
    @Operation(summary = "What changed between two revisions of a post, line by line")
    public PostRevisions.Diff diff(@RestPath String slug, @RestQuery long from, @RestQuery long to) {
        return revisions.diff(slug, from, to, currentUser.require());
    }

    @POST
    @Path("{slug}/revisions/{id}/restore")
    @RolesAllowed(Role.AUTHOR_ROLE)
    @Operation(summary = "Save the post again with a revision's text; 409 if it changed since the version sent, "
            + "or is in the trash")
    @Transactional
    public PostResponse restoreRevision(@RestPath String slug, @RestPath long id, RevisionRestore request) {
        return response(revisions.restore(slug, id, request == null ? null : request.version(), currentUser.require()));
    }

    @GET
    @Path("{slug}/autosave")
    @RolesAllowed(Role.AUTHOR_ROLE)
    @Operation(summary = "The caller's autosaved copy of a post if it is newer than the post's last save (else 204)")
    public RestResponse<PostRevisions.Revision> pendingAutosave(@RestPath String slug) {
        return revisions.pendingAutosave(slug, currentUser.require()).map(RestResponse::ok)
                .orElseGet(RestResponse::noContent);
    }

    @PUT
    @Path("{slug}/autosave")
    @RolesAllowed(Role.AUTHOR_ROLE)
    @Operation(summary = "Keep the editor's unsaved copy of a post (the post itself does not change)")
    public PostRevisions.Revision autosave(@RestPath String slug, Autosave request) {
        Autosave a = request == null ? new Autosave(null, null, null) : request;
        return revisions.autosave(slug, a.title(), a.body(), a.excerpt(), currentUser.require());
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "One post or page by slug; drafts only for their author and admins")
    @Transactional
    public PostResponse get(@RestPath String slug) {
        Post post = Post.findBySlugWithDetails(slug).orElseThrow(NotFoundException::new);
        boolean editable = currentUser.account().map(post::editableBy).orElse(false);
        if (post.isTrashed() && !editable) {
            throw new WebApplicationException(RestResponse.StatusCode.GONE);
        }
        if (!post.isVisibleAt(clock.instant()) && !editable) {
            throw new NotFoundException();
        }
        return response(post);
    }

    @POST
    @RolesAllowed(Role.AUTHOR_ROLE)
    @Operation(summary = "Create a post or page")
    @Transactional
    public RestResponse<PostResponse> create(PostInput request) {
        Post post = posts.create(request == null ? empty() : request, currentUser.require());
        return RestResponse.ResponseBuilder.<PostResponse> created(URI.create("/api/v1/posts/" + post.slug))
                .entity(response(post)).build();
    }

    @PUT
    @Path("{slug}")
    @RolesAllowed(Role.AUTHOR_ROLE)
    @Operation(summary = "Update a post; send the version you read to refuse silent overwrites (409)")
    @Transactional
    public PostResponse update(@RestPath String slug, PostInput request) {
        return response(posts.update(slug, request == null ? empty() : request, currentUser.require()));
    }

    private static PostInput empty() {
        return new PostInput(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    static PostResponse response(Post post) {
        return new PostResponse(post.id, post.kind.name(), post.slug,
                post.path(), post.title, post.bodyMarkdown,
                post.bodyHtml, post.excerpt, post.tags.stream().map(t -> t.name).toList(),
                post.category == null ? null : post.category.name, post.status.name(), post.publishAt,
                post.commentsOpen, new AuthorRef(post.author.displayName, post.author.handle), post.createdAt,
                post.updatedAt, post.version, post.categories.stream().map(c -> c.name).toList(),
                post.featuredMediaId);
    }
}
