package org.quillpress.moderation;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.quillpress.account.Role;
import org.quillpress.moderation.ModerationViews.Filter;
import org.quillpress.moderation.ModerationViews.Forms;
import org.quillpress.security.CurrentUser;
import org.quillpress.web.InvalidInputException;
import org.quillpress.web.ModerationMessages;
import org.quillpress.web.StaffText;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;

/**
 * The moderation pages: the queue of comments by status, one comment with its audit trail, and the bans.
 * Every change is a POST with the CSRF token that redirects back to where the moderator was.
 */
@Path("/moderation")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.MODERATOR_ROLE)
public class ModerationResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(ModerationViews.Queue queue);

        static native TemplateInstance comment(ModerationViews.Trail trail, Forms forms);

        static native TemplateInstance bans(ModerationViews.BanList list, BanForm form,
                Map<String, String> errors, String notice);
    }

    @Inject
    ModerationQueue queue;

    @Inject
    ModerationService moderation;

    @Inject
    CurrentUser currentUser;

    @Inject
    StaffText staff;

    @Inject
    RoutingContext routing;

    @GET
    public TemplateInstance queuePage(@RestQuery String status, @RestQuery String post, @RestQuery String q,
            @RestQuery String after, @RestQuery String done, @RestQuery String n, @RestQuery String kept) {
        return Templates.queue(queue.page(FilterForm.filter(status, post, q, after), notice(done, n, kept)));
    }

    @POST
    @Path("comments/{id}/status")
    public Response act(@RestPath long id, @BeanParam ActionForm form) {
        ModerationService.Action chosen = ModerationService.Action.of(form.action());
        Filter filter = form.filter();
        moderation.apply(id, chosen, currentUser.require(), form.reason());
        if (form.backToComment()) {
            return seeOther("/moderation/comments/" + id + "?done=" + chosen.slug);
        }
        return seeOther(filter.self() + "&done=" + chosen.slug + "&n=1");
    }

    @POST
    @Path("bulk")
    public Response bulk(@BeanParam BulkForm form) {
        Filter filter = form.filter();
        List<Long> chosen = form.commentIds(staff.messages());
        if (form.deletes()) {
            ModerationService.Deleted deleted = moderation.deleteAll(chosen, currentUser.require());
            return seeOther(filter.self() + "&done=delete&n=" + deleted.deleted() + "&kept=" + deleted.kept());
        }
        ModerationService.Action chosenAction = ModerationService.Action.of(form.action());
        int changed = moderation.applyAll(chosen, chosenAction, currentUser.require(), form.reason());
        return seeOther(filter.self() + "&done=" + chosenAction.slug + "&n=" + changed);
    }

    @POST
    @Path("comments/{id}/delete")
    public Response delete(@RestPath long id, @BeanParam FilterForm form) {
        Filter filter = form.filter();
        moderation.deletePermanently(id, currentUser.require());
        return seeOther(filter.self() + "&done=delete&n=1");
    }

    @GET
    @Path("comments/{id}")
    public TemplateInstance commentPage(@RestPath long id, @RestQuery String done) {
        ModerationViews.Trail trail = queue.trail(id);
        return Templates.comment(trail, Forms.fresh(trail.entry(), notice(done, "1", null)));
    }

    @POST
    @Path("comments/{id}/edit")
    public Response edit(@RestPath long id, @RestForm String body) {
        try {
            moderation.editBody(id, body, currentUser.require());
            return seeOther("/moderation/comments/" + id + "?done=edited");
        } catch (InvalidInputException e) {
            return withErrors(id, e, f -> new Forms(body, f.reply(), f.kind(), f.network(), f.banReason(), f.days(),
                    f.then(), e.errors(), null));
        }
    }

    @POST
    @Path("comments/{id}/reply")
    public Response reply(@RestPath long id, @RestForm String reply) {
        try {
            moderation.reply(id, reply, currentUser.require(), routing.request().remoteAddress().host(),
                    routing.request().getHeader("User-Agent"));
            return seeOther("/moderation/comments/" + id + "?done=replied");
        } catch (InvalidInputException e) {
            return withErrors(id, e, f -> new Forms(f.body(), reply, f.kind(), f.network(), f.banReason(), f.days(),
                    f.then(), e.errors(), null));
        }
    }

    @POST
    @Path("comments/{id}/ban")
    public Response ban(@RestPath long id, @BeanParam WriterBanForm form) {
        try {
            moderation.banWriter(id, form.toRequest(), currentUser.require());
            return seeOther("/moderation/comments/" + id + "?done=banned");
        } catch (InvalidInputException e) {
            return withErrors(id, e, f -> new Forms(f.body(), f.reply(), form.kind(), form.network(), form.reason(),
                    form.days(), form.then(), e.errors(), null));
        }
    }

    @GET
    @Path("bans")
    public TemplateInstance bansPage(@RestQuery String before, @RestQuery String done) {
        return Templates.bans(queue.bans(before), BanForm.empty(), Map.of(), notice(done, "1", null));
    }

    @POST
    @Path("bans")
    public Response addBan(@BeanParam BanForm form) {
        try {
            moderation.ban(form.kind(), form.value(), form.reason(), form.days(), currentUser.require());
            return seeOther("/moderation/bans?done=ban-added");
        } catch (InvalidInputException e) {
            return Response.status(e.status()).entity(Templates.bans(queue.bans(null), form, e.errors(), null))
                    .build();
        }
    }

    @POST
    @Path("bans/{id}/lift")
    public Response lift(@RestPath long id) {
        moderation.lift(id);
        return seeOther("/moderation/bans?done=lifted");
    }

    /** The comment page again, with the typed values of the form at fault and its messages. */
    private Response withErrors(long id, InvalidInputException e, java.util.function.UnaryOperator<Forms> typed) {
        ModerationViews.Trail trail = queue.trail(id);
        return Response.status(e.status()).entity(Templates.comment(trail, typed.apply(Forms.fresh(trail.entry(), null))))
                .build();
    }

    /** What the last action did, in words; the query only picks among fixed sentences. */
    private String notice(String done, String n, String kept) {
        if (done == null) {
            return null;
        }
        ModerationMessages text = staff.moderation();
        String comments = text.modComments(number(n));
        return switch (done) {
            case "approve" -> text.modDoneApprove(comments);
            case "unapprove" -> text.modDoneUnapprove(comments);
            case "spam" -> text.modDoneSpam(comments);
            case "not-spam" -> text.modDoneNotSpam(comments);
            case "trash" -> text.modDoneTrash(comments);
            case "restore" -> text.modDoneRestore(comments);
            case "delete" -> text.modDoneDelete(comments) + (number(kept) > 0 ? " " + text.modDoneKept(number(kept)) : "");
            case "edited" -> text.modDoneEdited();
            case "replied" -> text.modDoneReplied();
            case "banned" -> text.modDoneBanned();
            case "ban-added" -> text.modDoneBanAdded();
            case "lifted" -> text.modDoneLifted();
            default -> null;
        };
    }

    private static int number(String text) {
        try {
            return text == null ? 0 : Math.max(0, Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
