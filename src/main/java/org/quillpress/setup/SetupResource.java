package org.quillpress.setup;

import java.net.URI;
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

import org.quillpress.account.Account;
import org.quillpress.account.AccountPrincipal;
import org.quillpress.security.Sessions;
import org.quillpress.web.InvalidInputException;
import org.quillpress.web.StaffText;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;

/** The one-time page that creates the owner account on a new site. Gone once an owner exists. */
@Path("/setup")
@Produces(MediaType.TEXT_HTML)
public class SetupResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance setup(SetupForm form, Map<String, String> errors);
    }

    @Inject
    OwnerBootstrap bootstrap;

    @Inject
    Sessions sessions;

    @Inject
    RoutingContext routing;

    @Inject
    StaffText staff;

    @GET
    public TemplateInstance form() {
        if (!bootstrap.setupOpen()) {
            throw new NotFoundException();
        }
        return Templates.setup(SetupForm.blank(), Map.of());
    }

    @POST
    public Response create(@BeanParam SetupForm form) {
        if (!bootstrap.setupOpen()) {
            throw new NotFoundException();
        }
        if (!bootstrap.tokenMatches(form.token())) {
            return Response.status(Response.Status.FORBIDDEN).entity(Templates.setup(form.typed(),
                    Map.of("token", staff.admin().setupWrongToken()))).build();
        }
        try {
            Account owner = bootstrap.createOwner(form.displayName(), form.email(), form.password());
            sessions.start(AccountPrincipal.of(owner), routing);
            return Response.seeOther(URI.create("/admin")).build();
        } catch (InvalidInputException e) {
            return Response.status(e.status()).entity(Templates.setup(form.typed(), e.errors())).build();
        }
    }
}
