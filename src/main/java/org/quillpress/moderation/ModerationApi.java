package org.quillpress.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.quillpress.account.Role;
import org.quillpress.comment.Comment;
import org.quillpress.comment.CommentStatus;
import org.quillpress.security.CurrentUser;
import org.quillpress.web.CheckMessages;
import org.quillpress.web.InvalidInputException;
import org.quillpress.web.SiteLanguage;

/** The moderation queue for staff clients. Only here do writers' emails and addresses appear. */
@Path("/api/v1/moderation/comments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.MODERATOR_ROLE)
@Tag(name = "Moderation")
public class ModerationApi {

    static final int PAGE = 50;

    /** The most comments one bulk request may name. */
    static final int MAX_BULK = 5_000;

    /** A comment as the queue shows it to staff, with why the pipeline decided as it did. */
    public record QueueItem(long id, String postSlug, String postTitle, Long parentId, String authorName,
            String authorEmail, String authorUrl, String clientAddress, String provider, String status,
            List<String> reasons, String body, String html, Instant created) {
    }

    /** A bulk action. */
    public record Bulk(List<Long> ids, String action, String reason) {
    }

    @Inject
    ModerationService moderation;

    @Inject
    CurrentUser currentUser;

    @GET
    @Operation(summary = "Comments with a status (pending by default), oldest first")
    @Transactional
    public List<QueueItem> queue(@RestQuery String status, @RestQuery Long after) {
        CommentStatus wanted;
        try {
            wanted = status == null || status.isBlank() ? CommentStatus.PENDING
                    : CommentStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(Map.of("status", SiteLanguage.messages(CheckMessages.class).modStatus()));
        }
        List<Comment> comments = Comment.find("from Comment c join fetch c.post where c.status = ?1 and c.id > ?2 "
                + "order by c.id", wanted, after == null ? 0L : after).page(0, PAGE).list();
        return comments.stream().map(c -> new QueueItem(c.id, c.post.slug, c.post.title,
                c.parent == null ? null : c.parent.id, c.authorName, c.authorEmail, c.authorUrl, c.clientAddress,
                c.authorProvider, c.status.name(), c.reasons == null || c.reasons.isBlank() ? List.of()
                        : List.of(c.reasons.split("\n")),
                c.bodyMarkdown, c.bodyHtml, c.createdAt)).toList();
    }

    @POST
    @Path("{id}/{action}")
    @Operation(summary = "approve, unapprove, spam, not-spam, trash or restore one comment")
    public Map<String, Object> act(@RestPath long id, @RestPath String action) {
        Comment comment = moderation.apply(id, ModerationService.Action.of(action), currentUser.require(), null);
        return Map.of("id", comment.id, "status", comment.status.name());
    }

    @POST
    @Path("bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "One action on many comments")
    public Map<String, Object> bulk(Bulk bulk) {
        if (bulk == null || bulk.ids() == null || bulk.ids().isEmpty()) {
            throw new InvalidInputException(Map.of("ids", SiteLanguage.messages(CheckMessages.class).modNoIds()));
        }
        if (bulk.ids().size() > MAX_BULK) {
            throw new InvalidInputException(
                    Map.of("ids", SiteLanguage.messages(CheckMessages.class).modTooMany(SiteLanguage.number(MAX_BULK))));
        }
        int changed = moderation.applyAll(bulk.ids(), ModerationService.Action.of(bulk.action()),
                currentUser.require(), bulk.reason());
        return Map.of("changed", changed);
    }
}
