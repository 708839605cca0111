package org.quillpress.web;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, the body of every API error. {@code errors} names each field at fault
 * with its message.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, Map<String, String> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, Map.of());
    }

    public static Problem invalid(Map<String, String> errors) {
        String detail = errors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .reduce((a, b) -> a + "; " + b).orElse("The request is not valid.");
        return new Problem("about:blank", "Invalid input", 400, detail, errors);
    }
}
