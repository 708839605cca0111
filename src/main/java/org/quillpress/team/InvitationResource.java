package org.quillpress.team;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.quillpress.account.Role;
import org.quillpress.account.SocialProviders;
import org.quillpress.security.CurrentUser;
import org.quillpress.security.KnownDevices;
import org.quillpress.security.Sessions;
import org.quillpress.web.InvalidInputException;
import org.quillpress.web.SiteLanguage;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.vertx.ext.web.RoutingContext;

/** The page an invitation mail links to: the invitee chooses a name and a password, and lands on their desk. */
@Path("/invitations")
@Produces(MediaType.TEXT_HTML)
public class InvitationResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance accept(String action, boolean invited, Invitations.Offer offer,
                AcceptForm form, Map<String, String> errors, Choices choices);
    }

    /**
     * Other ways to accept an invitation: as the account signed in now ({@code claimAction}), or by signing in with
     * a provider first ({@code providerBase} + the provider's id).
     */
    public record Choices(String signedInAs, String claimAction, String providerBase,
            List<SocialProviders.Listed> providers) {
        static final Choices NONE = new Choices(null, null, null, List.of());
    }

    /** Holds an invitation's token while its invitee signs in with a provider, so the token never rides a URL. */
    static final String PENDING_COOKIE = "qp_invitation";

    @Inject
    Invitations invitations;

    @Inject
    CurrentUser currentUser;

    @Inject
    SocialProviders providers;

    @Inject
    Sessions sessions;

    @Inject
    KnownDevices devices;

    @Inject
    RoutingContext routing;

    @GET
    @Path("{token}")
    public Response acceptPage(@RestPath String token) {
        return page(token, OneTimeLink.Purpose.INVITE, "/invitations/" + token, InvitationResource::notUsable);
    }

    @POST
    @Path("{token}")
    public Response accept(@RestPath String token, @BeanParam AcceptForm form) {
        return accept(token, OneTimeLink.Purpose.INVITE, "/invitations/" + token, form, InvitationResource::notUsable);
    }

    /** The page of a link that creates an account: an invitation's, or a sign-up confirmation's. */
    Response page(String token, OneTimeLink.Purpose purpose, String action, Supplier<Response> notUsable) {
        try {
            Invitations.Offer offer = invitations.offer(token, purpose);
            return PasswordResetResource
                    .secret(Response.ok(Templates.accept(action, purpose == OneTimeLink.Purpose.INVITE, offer,
                            new AcceptForm("", ""), Map.of(), choices(token, purpose))));
        } catch (LinkNotUsable e) {
            return notUsable.get();
        }
    }

    /** Creates the account a link offers, signs it in, and sends it to its desk. */
    Response accept(String token, OneTimeLink.Purpose purpose, String action, AcceptForm form,
            Supplier<Response> notUsable) {
        try {
            Invitations.Accepted accepted = invitations.accept(token, purpose, form);
            sessions.start(accepted.account(), routing);
            devices.remember(routing, accepted.email());
            String desk = accepted.account().role().atLeast(Role.AUTHOR) ? "/write" : "/";
            return Response.seeOther(URI.create(desk)).build();
        } catch (LinkNotUsable e) {
            return notUsable.get();
        } catch (InvalidInputException e) {
            Invitations.Offer offer;
            try {
                offer = invitations.offer(token, purpose);
            } catch (LinkNotUsable gone) {
                return notUsable.get();
            }
            return PasswordResetResource.secret(Response.status(e.status())
                    .entity(Templates.accept(action, purpose == OneTimeLink.Purpose.INVITE, offer,
                            new AcceptForm(form.displayName(), ""), e.errors(), choices(token, purpose))));
        }
    }

    /** Accepts the invitation as the account signed in now. */
    @POST
    @Path("{token}/claim")
    @Authenticated
    public Response claim(@RestPath String token) {
        try {
            Role role = invitations.claim(token, currentUser.require());
            return Response.seeOther(URI.create(role.atLeast(Role.AUTHOR) ? "/write" : "/")).build();
        } catch (LinkNotUsable e) {
            return notUsable();
        }
    }

    /**
     * Goes to a provider's sign-in, keeping the token in a short-lived cookie for the way back: the provider, and
     * any log of the redirect, only see {@code /invitations/continue}.
     */
    @GET
    @Path("{token}/with/{provider}")
    public Response withProvider(@RestPath String token, @RestPath String provider) {
        if (providers.enabled().stream().noneMatch(p -> p.id().equals(provider))) {
            throw new NotFoundException();
        }
        try {
            invitations.offer(token, OneTimeLink.Purpose.INVITE);
        } catch (LinkNotUsable e) {
            return notUsable();
        }
        routing.response().addCookie(sessions.cookie(PENDING_COOKIE, token, routing).setPath("/invitations")
                .setMaxAge(Duration.ofMinutes(15).toSeconds()));
        return Response.seeOther(URI.create("/login/" + provider + "?then=/invitations/continue")).build();
    }

    /** Back from the provider: the invitation's page, now offering to accept it as the signed-in account. */
    @GET
    @Path("continue")
    public Response continuePage() {
        String token = pendingToken();
        return token == null ? notUsable() : acceptPage(token);
    }

    private String pendingToken() {
        io.vertx.core.http.Cookie cookie = routing.request().getCookie(PENDING_COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    private Choices choices(String token, OneTimeLink.Purpose purpose) {
        if (purpose != OneTimeLink.Purpose.INVITE) {
            return Choices.NONE;
        }
        return currentUser.account()
                .map(a -> new Choices(a.displayName(), "/invitations/" + token + "/claim", null, List.of()))
                .orElseGet(() -> new Choices(null, null, "/invitations/" + token + "/with/", providers.enabled()));
    }

    private static Response notUsable() {
        return PasswordResetResource.secret(Response.status(Response.Status.GONE)
                .entity(PasswordResetResource.Templates.linkNotUsable(
                        SiteLanguage.messages().invitationLinkNotUsable(), "/login",
                        SiteLanguage.messages().goToSignIn())));
    }
}
