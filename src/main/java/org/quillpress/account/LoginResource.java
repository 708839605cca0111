package org.quillpress.account;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.quillpress.security.CurrentUser;
import org.quillpress.security.LoginThrottle;
import org.quillpress.security.Sessions;
import org.quillpress.web.SafeRedirect;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;

/** Sign-in with email and password, and sign-out. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String email, String redirect, String error);
    }

    @Inject
    AccountService accounts;

    @Inject
    Sessions sessions;

    @Inject
    LoginThrottle throttle;

    @Inject
    CurrentUser currentUser;

    @Inject
    RoutingContext routing;

    @GET
    @Path("login")
    public Response form(@RestQuery String redirect) {
        String target = SafeRedirect.path(redirect, "/");
        if (currentUser.account().isPresent()) {
            return Response.seeOther(URI.create(target)).build();
        }
        return Response.ok(Templates.login("", target, null)).build();
    }

    @POST
    @Path("login")
    public Response signIn(@RestForm String email, @RestForm String password, @RestForm String redirect) {
        String target = SafeRedirect.path(redirect, "/");
        String address = routing.request().remoteAddress().host();
        long wait = throttle.secondsToWait(address, email);
        if (wait > 0) {
            return Response.status(Response.Status.TOO_MANY_REQUESTS).header("Retry-After", wait)
                    .entity(Templates.login(email, target, "Too many failed attempts. Try again in "
                            + minutes(wait) + "."))
                    .build();
        }
        return accounts.checkPassword(email, password).map(account -> {
            sessions.start(account, routing);
            return Response.seeOther(URI.create(target)).build();
        }).orElseGet(() -> {
            throttle.recordFailure(address, email);
            return Response.status(Response.Status.UNAUTHORIZED)
                    .entity(Templates.login(email, target, "The email or the password is not right.")).build();
        });
    }

    @POST
    @Path("logout")
    public Response signOut() {
        sessions.clear(routing);
        return Response.seeOther(URI.create("/")).build();
    }

    private static String minutes(long seconds) {
        long minutes = (seconds + 59) / 60;
        return minutes == 1 ? "a minute" : minutes + " minutes";
    }

}
