package org.quillpress.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleObjectStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one place where failures become answers: a friendly page for people, problem+json for API
 * clients. Never a stack trace or an exception's class name.
 */
public class ErrorMappers {

    private static final String FORM_PARSER = "org.jboss.resteasy.reactive.server.core.multipart.";

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance error(int status, String title, String message);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri, jakarta.ws.rs.core.Request request) {
        if (isApi(uri) || !"GET".equals(request.getMethod())) {
            return answer(uri, 401, m().errorSignInTitle(), m().errorSignIn());
        }
        String back = uri.getRequestUri().getRawPath()
                + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery());
        return Response.seeOther(URI.create("/login?redirect=" + URLEncoder.encode(back, StandardCharsets.UTF_8)))
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return answer(uri, 403, m().errorForbiddenTitle(), m().errorForbidden());
    }

    @ServerExceptionMapper
    public Response invalid(InvalidInputException e, UriInfo uri) {
        if (isApi(uri)) {
            Problem problem = new Problem("about:blank", title(e.status()),
                    e.status(), Problem.invalid(e.errors()).detail(), e.errors());
            Response.ResponseBuilder response = Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(problem);
            if (e.retryAfterSeconds() > 0) {
                response.header("Retry-After", e.retryAfterSeconds());
            }
            return response.build();
        }
        return page(e.status(), m().errorInvalidTitle(), String.join(" ", e.errors().values()));
    }

    private static String title(int status) {
        return switch (status) {
            case 403 -> m().errorForbiddenTitle();
            case 404 -> m().errorNotFoundTitle();
            case 409 -> m().errorConflictTitle();
            case 429 -> m().errorTooManyTitle();
            default -> m().errorInvalidInputTitle();
        };
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            String path = violation.getPropertyPath().toString();
            errors.putIfAbsent(path.substring(path.lastIndexOf('.') + 1), violation.getMessage());
        }
        return invalid(new InvalidInputException(errors), uri);
    }

    @ServerExceptionMapper({ OptimisticLockException.class, StaleObjectStateException.class })
    public Response staleEdit(RuntimeException e, UriInfo uri) {
        return answer(uri, 409, m().errorStaleTitle(), m().errorStale());
    }

    // MismatchedInputException named too: quarkus-rest-jackson maps that subtype itself (plain JSON naming
    // our classes in dev and test, an empty 400 in prod), and a mapper for the exact type wins over ours
    @ServerExceptionMapper({ JsonProcessingException.class, MismatchedInputException.class })
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String detail = m().errorNotJson();
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            // the innermost named field: for a wrong value inside a list, the list's own name
            String field = mapping.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                    .filter(java.util.Objects::nonNull).reduce((first, second) -> second).orElse("body");
            detail = m().errorWrongType(field);
            return invalid(new InvalidInputException(Map.of(field, detail)), uri);
        }
        return answer(uri, 400, m().errorUnreadableTitle(), detail);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status < 400) {
            return e.getResponse();
        }
        return switch (status) {
            case 404 -> answer(uri, 404, m().errorNotFoundTitle(), m().errorNotFound());
            case 410 -> answer(uri, 410, m().errorGoneTitle(), m().errorGone());
            case 405 -> answer(uri, 405, m().errorMethodTitle(), m().errorMethod());
            case 406, 415 -> answer(uri, status, m().errorFormatTitle(), m().errorFormat());
            default -> answer(uri, status, status >= 500 ? m().errorServerTitle() : m().errorBadRequestTitle(),
                    status >= 500 ? m().errorServer() : m().errorBadRequest());
        };
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (fromFormParser(e)) {
            // Quarkus REST's form parser refuses a body it cannot read (more than 1,000 fields, a multipart body
            // that ends early or is empty) with a plain exception: the client's mistake, so no stack trace
            Log.debugf("Unreadable form on %s: %s", uri.getRequestUri().getPath(), e.getMessage());
            return answer(uri, 400, m().errorFormUnreadableTitle(), m().errorFormUnreadable());
        }
        Log.errorf(e, "Unexpected failure on %s", uri.getRequestUri().getPath());
        return answer(uri, 500, m().errorServerTitle(), m().errorLogged());
    }

    /** True when the exception was thrown by the parser of form and multipart bodies, reading what was sent. */
    static boolean fromFormParser(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith(FORM_PARSER);
    }

    /** Error pages and problems speak the site's language. */
    private static Messages m() {
        return SiteLanguage.messages();
    }

    static boolean isApi(UriInfo uri) {
        return uri.getPath().startsWith("/api/");
    }

    static Response answer(UriInfo uri, int status, String title, String message) {
        if (isApi(uri)) {
            return Response.status(status).type(Problem.MEDIA_TYPE).header(HttpHeaders.CACHE_CONTROL, NO_STORE)
                    .entity(Problem.of(status, title, message)).build();
        }
        return page(status, title, message);
    }

    /**
     * Browsers keep a 404 or 410 without cache headers for a while on their own: a post restored from the trash, or
     * published later, would still look gone to whoever saw it gone. An error answer is never stored.
     */
    private static final String NO_STORE = "no-store";

    static Response page(int status, String title, String message) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.CACHE_CONTROL, NO_STORE).entity(Templates.error(status, title, message)).build();
    }
}
