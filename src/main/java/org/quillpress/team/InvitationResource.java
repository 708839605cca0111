package org.quillpress.team;

import java.net.URI;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.quillpress.account.Role;
import org.quillpress.security.KnownDevices;
import org.quillpress.security.Sessions;
import org.quillpress.web.InvalidInputException;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;

/** The page an invitation mail links to: the invitee chooses a name and a password, and lands on their desk. */
@Path("/invitations")
@Produces(MediaType.TEXT_HTML)
public class InvitationResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance accept(String token, Invitations.Offer offer, AcceptForm form,
                Map<String, String> errors);
    }

    @Inject
    Invitations invitations;

    @Inject
    Sessions sessions;

    @Inject
    KnownDevices devices;

    @Inject
    RoutingContext routing;

    @GET
    @Path("{token}")
    public Response acceptPage(@RestPath String token) {
        try {
            Invitations.Offer offer = invitations.offer(token);
            return PasswordResetResource
                    .secret(Response.ok(Templates.accept(token, offer, new AcceptForm("", ""), Map.of())));
        } catch (LinkNotUsable e) {
            return notUsable();
        }
    }

    @POST
    @Path("{token}")
    public Response accept(@RestPath String token, @BeanParam AcceptForm form) {
        try {
            Invitations.Accepted accepted = invitations.accept(token, form);
            sessions.start(accepted.account(), routing);
            devices.remember(routing, accepted.email());
            String desk = accepted.account().role().atLeast(Role.AUTHOR) ? "/write" : "/";
            return Response.seeOther(URI.create(desk)).build();
        } catch (LinkNotUsable e) {
            return notUsable();
        } catch (InvalidInputException e) {
            Invitations.Offer offer;
            try {
                offer = invitations.offer(token);
            } catch (LinkNotUsable gone) {
                return notUsable();
            }
            return PasswordResetResource.secret(Response.status(e.status())
                    .entity(Templates.accept(token, offer, new AcceptForm(form.displayName(), ""), e.errors())));
        }
    }

    private static Response notUsable() {
        return PasswordResetResource.secret(Response.status(Response.Status.GONE)
                .entity(PasswordResetResource.Templates.linkNotUsable(
                        "This invitation link does not work any more: it was accepted already, it expired"
                                + " (invitations last a week), it was taken back, or it was not copied whole."
                                + " Nothing was created.",
                        "/login", "Go to sign-in")));
    }
}
