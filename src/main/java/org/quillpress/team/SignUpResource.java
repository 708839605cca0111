package org.quillpress.team;

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

import org.jboss.resteasy.reactive.RestPath;
import org.quillpress.web.SiteLanguage;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;

/** Reader sign-up by email, when an admin has opened it: the email form, and the confirmation link's page. */
@Path("/signup")
@Produces(MediaType.TEXT_HTML)
public class SignUpResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signup(String email, Map<String, String> errors);

        static native TemplateInstance sent();
    }

    @Inject
    ReaderSignUps signUps;

    @Inject
    InvitationResource accounts;

    @Inject
    RoutingContext routing;

    @GET
    public TemplateInstance form() {
        requireOpen();
        return Templates.signup("", Map.of());
    }

    /** Always the same answer, whether or not the email has an account. */
    @POST
    public Response request(@BeanParam ForgotForm form) {
        requireOpen();
        if (form.email() == null || form.email().isBlank()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.signup("", Map.of("email", SiteLanguage.messages().signupEmailMissing()))).build();
        }
        signUps.request(form.email(), routing.request().remoteAddress().host());
        return Response.ok(Templates.sent()).build();
    }

    @GET
    @Path("{token}")
    public Response confirmPage(@RestPath String token) {
        return accounts.page(token, OneTimeLink.Purpose.SIGNUP, "/signup/" + token, SignUpResource::notUsable);
    }

    @POST
    @Path("{token}")
    public Response confirm(@RestPath String token, @BeanParam AcceptForm form) {
        return accounts.accept(token, OneTimeLink.Purpose.SIGNUP, "/signup/" + token, form,
                SignUpResource::notUsable);
    }

    private void requireOpen() {
        if (!signUps.open()) {
            throw new NotFoundException();
        }
    }

    private static Response notUsable() {
        return PasswordResetResource.secret(Response.status(Response.Status.GONE)
                .entity(PasswordResetResource.Templates.linkNotUsable(
                        SiteLanguage.messages().signupLinkNotUsable(), "/signup",
                        SiteLanguage.messages().signupAgain())));
    }
}
