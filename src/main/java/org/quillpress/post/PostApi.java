package org.quillpress.post;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.quillpress.account.Role;
import org.quillpress.post.PostListing.Cursor;
import org.quillpress.post.PostListing.Filter;
import org.quillpress.post.PostViews.Summary;
import org.quillpress.security.CurrentUser;

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
            AuthorRef author, Instant createdAt, Instant updatedAt, int version,
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
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @GET
    @Operation(summary = "Published posts, newest first")
    public PostPage list(@Parameter(description = "cursor from a previous page's next") @RestQuery String before,
            @RestQuery Integer size) {
        int pageSize = size == null ? 20 : Math.max(1, Math.min(size, MAX_PAGE));
        PostViews.Listing page = listing.list(Filter.ALL, Cursor.decode(before), null, pageSize);
        return new PostPage(page.posts().stream().map(PostListItem::of).toList(), page.olderCursor());
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "One post or page by slug; drafts only for their author and admins")
    @Transactional
    public PostResponse get(@RestPath String slug) {
        Post post = Post.findBySlugWithDetails(slug).orElseThrow(NotFoundException::new);
        boolean editable = currentUser.account().map(post::editableBy).orElse(false);
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
                post.updatedAt, post.version, post.featuredMediaId);
    }
}
