package org.quillpress.web;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, the body of every API error. {@code errors} names each field at fault
 * with its message.
 * <p>
 * Language: the machine-readable parts ({@code type}, {@code status}, the keys of {@code errors}) are the API's
 * contract and never change; the human-readable ones ({@code title}, {@code detail}, the field messages) are in the
 * site's language, like its pages. The same field messages reach pages (the forms, and the editor's image drop,
 * which shows an upload's {@code detail}), and one validation speaks one language.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, Map<String, String> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, Map.of());
    }

    public static Problem invalid(Map<String, String> errors) {
        String detail = errors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .reduce((a, b) -> a + "; " + b).orElse(SiteLanguage.messages(CheckMessages.class).requestNotValid());
        return new Problem("about:blank", SiteLanguage.messages().errorInvalidInputTitle(), 400, detail, errors);
    }
}
