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
import org.quillpress.account.AccountService;
import org.quillpress.security.KnownDevices;
import org.quillpress.security.Sessions;
import org.quillpress.security.TwoFactorCodes;
import org.quillpress.web.InvalidInputException;
import org.quillpress.web.SiteLanguage;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;

/** "Forgot your password?": asking for a reset link, and choosing a new password through it. */
@Path("/password")
@Produces(MediaType.TEXT_HTML)
public class PasswordResetResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance forgot(String email, Map<String, String> errors);

        static native TemplateInstance sent();

        static native TemplateInstance reset(String token, String email, Map<String, String> errors);

        static native TemplateInstance linkNotUsable(String what, String again, String againLabel);
    }

    @Inject
    PasswordResets resets;

    @Inject
    Sessions sessions;

    @Inject
    KnownDevices devices;

    @Inject
    TwoFactorCodes secondFactor;

    @Inject
    RoutingContext routing;

    @GET
    @Path("forgot")
    public TemplateInstance forgotPage() {
        return Templates.forgot("", Map.of());
    }

    /** Always the same answer, whether or not the email has an account: the page reveals nobody. */
    @POST
    @Path("forgot")
    public Response forgot(@BeanParam ForgotForm form) {
        if (form.email() == null || form.email().isBlank()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.forgot("", Map.of("email", SiteLanguage.messages().forgotEmailMissing()))).build();
        }
        resets.request(form.email(), routing.request().remoteAddress().host());
        return Response.ok(Templates.sent()).build();
    }

    @GET
    @Path("reset/{token}")
    public Response resetPage(@RestPath String token) {
        try {
            return secret(Response.ok(Templates.reset(token, resets.emailFor(token), Map.of())));
        } catch (LinkNotUsable e) {
            return notUsable();
        }
    }

    @POST
    @Path("reset/{token}")
    public Response reset(@RestPath String token, @BeanParam NewPasswordForm form) {
        try {
            PasswordResets.Reset done = resets.reset(token, form.password());
            devices.remember(routing, done.email());
            if (secondFactor.enabled(done.account().id())) {
                // the mail proves the address, not the phone: the code is still asked for
                secondFactor.startPending(done.account(), routing);
                return Response.seeOther(URI.create("/two-factor?redirect=%2Faccount")).build();
            }
            sessions.start(done.account(), routing);
            return Response.seeOther(URI.create("/account?saved=password")).build();
        } catch (LinkNotUsable e) {
            return notUsable();
        } catch (InvalidInputException e) {
            return secret(Response.status(e.status()).entity(Templates.reset(token, emailOrEmpty(token), e.errors())));
        } catch (AccountService.SignInRefused e) {
            return secret(Response.status(Response.Status.FORBIDDEN)
                    .entity(Templates.reset(token, emailOrEmpty(token), Map.of("password", e.getMessage()))));
        }
    }

    private String emailOrEmpty(String token) {
        try {
            return resets.emailFor(token);
        } catch (LinkNotUsable e) {
            return "";
        }
    }

    private static Response notUsable() {
        return secret(Response.status(Response.Status.GONE).entity(Templates.linkNotUsable(
                SiteLanguage.messages().resetLinkNotUsable(), "/password/forgot",
                SiteLanguage.messages().askNewLink())));
    }

    /** A page whose address holds a secret: no other site learns it from the Referer header. */
    static Response secret(Response.ResponseBuilder response) {
        return response.header("Referrer-Policy", "no-referrer").header("Cache-Control", "no-store").build();
    }
}
