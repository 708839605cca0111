package org.quillpress.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.quillpress.web.CheckMessages;
import org.quillpress.web.Problem;
import org.quillpress.web.SiteLanguage;

/**
 * quarkus-rest-csrf checks forms, and JSON requests only when they carry the X-CSRF-TOKEN header. A
 * JSON write that relies on the browser's session cookie must carry it: without this guard another
 * site could make a signed-in reader's browser send one. Bearer tokens and guests carry no ambient
 * authority and pass. (The extension's own verification runs in a later phase, after the form is read,
 * so this guard compares the header with the cookie itself.) The problem's words are in the site's language, as
 * {@link Problem} says; the header's name stays as it is.
 */
public class ApiCsrfGuard {

    @Inject
    CurrentUser currentUser;

    @ConfigProperty(name = "quarkus.rest-csrf.cookie-name")
    String cookieName;

    @ConfigProperty(name = "quarkus.rest-csrf.token-header-name", defaultValue = "X-CSRF-TOKEN")
    String headerName;

    @ServerRequestFilter
    public Response requireTokenForSessionWrites(ContainerRequestContext request) {
        String method = request.getMethod();
        boolean safe = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
        if (safe || !currentUser.viaSession() || isForm(request.getMediaType())) {
            return null;
        }
        Cookie cookie = request.getCookies().get(cookieName);
        String header = request.getHeaderString(headerName);
        if (cookie != null && header != null && MessageDigest.isEqual(
                cookie.getValue().getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        return Response.status(Response.Status.FORBIDDEN).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(403, SiteLanguage.messages(CheckMessages.class).csrfMissingTitle(),
                        SiteLanguage.messages(CheckMessages.class).csrfMissing(headerName)))
                .build();
    }

    /** Forms are checked by quarkus-rest-csrf against their hidden field. */
    private static boolean isForm(MediaType type) {
        return type != null && (MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(type)
                || MediaType.MULTIPART_FORM_DATA_TYPE.isCompatible(type));
    }
}
