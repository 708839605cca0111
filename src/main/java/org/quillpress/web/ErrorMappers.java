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
            return answer(uri, 401, "Sign-in required", "Sign in to do this.");
        }
        String back = uri.getRequestUri().getRawPath()
                + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery());
        return Response.seeOther(URI.create("/login?redirect=" + URLEncoder.encode(back, StandardCharsets.UTF_8)))
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return answer(uri, 403, "Not allowed", "Your account may not do this.");
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
        return page(e.status(), "Please check your input", String.join(" ", e.errors().values()));
    }

    private static String title(int status) {
        return switch (status) {
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 409 -> "Conflict";
            case 429 -> "Too many requests";
            default -> "Invalid input";
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
        return answer(uri, 409, "Edited elsewhere",
                "Someone else saved this in the meantime. Reload to see their version.");
    }

    // MismatchedInputException named too: quarkus-rest-jackson maps that subtype itself (plain JSON naming
    // our classes in dev and test, an empty 400 in prod), and a mapper for the exact type wins over ours
    @ServerExceptionMapper({ JsonProcessingException.class, MismatchedInputException.class })
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String detail = "The request body is not valid JSON.";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            // the innermost named field: for a wrong value inside a list, the list's own name
            String field = mapping.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                    .filter(java.util.Objects::nonNull).reduce((first, second) -> second).orElse("body");
            detail = "The field '" + field + "' has a value of the wrong type.";
            return invalid(new InvalidInputException(Map.of(field, detail)), uri);
        }
        return answer(uri, 400, "Unreadable request", detail);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status < 400) {
            return e.getResponse();
        }
        return switch (status) {
            case 404 -> answer(uri, 404, "Not found", "There is nothing at this address.");
            case 410 -> answer(uri, 410, "Gone", "What was here has been deleted.");
            case 405 -> answer(uri, 405, "Method not allowed", "This address does not accept that kind of request.");
            case 406, 415 -> answer(uri, status, "Unsupported format", "This address does not speak that format.");
            default -> answer(uri, status, status >= 500 ? "Something went wrong" : "Bad request",
                    status >= 500 ? "Please try again in a moment." : "The request could not be understood.");
        };
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (fromFormParser(e)) {
            // Quarkus REST's form parser refuses a body it cannot read (more than 1,000 fields, a multipart body
            // that ends early or is empty) with a plain exception: the client's mistake, so no stack trace
            Log.debugf("Unreadable form on %s: %s", uri.getRequestUri().getPath(), e.getMessage());
            return answer(uri, 400, "Unreadable form",
                    "The form could not be read: it is empty or incomplete, or it has too many fields.");
        }
        Log.errorf(e, "Unexpected failure on %s", uri.getRequestUri().getPath());
        return answer(uri, 500, "Something went wrong",
                "The error was logged. Please try again in a moment.");
    }

    /** True when the exception was thrown by the parser of form and multipart bodies, reading what was sent. */
    static boolean fromFormParser(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith(FORM_PARSER);
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
