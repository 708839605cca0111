package org.quillpress.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.quillpress.security.CurrentUser;

import io.vertx.ext.web.RoutingContext;

/**
 * The CSRF filter checks forms, and JSON requests only when they carry the X-CSRF-TOKEN header. A
 * JSON write that relies on the browser's session cookie must carry it: without this guard another
 * site could make a signed-in reader's browser send one. Bearer tokens and guests carry no ambient
 * authority and pass.
 */
public class ApiCsrfGuard {

    // set by quarkus-rest-csrf once the form field or header matched the cookie
    private static final String VERIFIED = "csrf_token_verified";

    @Inject
    CurrentUser currentUser;

    @ServerRequestFilter
    public Response requireTokenForSessionWrites(ContainerRequestContext request, RoutingContext routing) {
        String method = request.getMethod();
        boolean safe = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
        if (safe || !currentUser.viaSession() || Boolean.TRUE.equals(routing.get(VERIFIED))) {
            return null;
        }
        return Response.status(Response.Status.FORBIDDEN).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(403, "Missing CSRF token",
                        "Requests made with a session cookie must send the csrf-token cookie's value in the X-CSRF-TOKEN header."))
                .build();
    }
}
