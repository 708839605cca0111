package org.quillpress.comment;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.quillpress.web.CheckMessages;
import org.quillpress.web.InvalidInputException;
import org.quillpress.web.SiteLanguage;

/**
 * How a comment's text is cleaned and limited, wherever it comes from: the form, the API, an edit, staff or
 * an import. Line ends become {@code \n}, surrounding white space goes, and the rest must fit in WordPress's
 * column (in bytes of UTF-8, so that an exported comment still fits there).
 */
public final class CommentBody {

    public static final int MAX_BYTES = 65_525;

    private CommentBody() {
    }

    /** The text as it is stored: CRLF as LF, stripped; nothing becomes the empty text. */
    public static String clean(String typed) {
        return typed == null ? "" : typed.replace("\r\n", "\n").strip();
    }

    /** What is wrong with a cleaned text (empty, or over the limit); empty when it may be stored. */
    public static Optional<String> problem(String cleaned) {
        if (cleaned.isEmpty()) {
            return Optional.of(SiteLanguage.messages(CheckMessages.class).commentEmpty());
        }
        int bytes = cleaned.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            return Optional.of(SiteLanguage.messages(CheckMessages.class).commentTooLong(bytes, MAX_BYTES));
        }
        return Optional.empty();
    }

    /** The cleaned text, or a refusal naming the {@code body} field. */
    public static String cleanOrRefuse(String typed) {
        String body = clean(typed);
        problem(body).ifPresent(message -> {
            throw new InvalidInputException(Map.of("body", message));
        });
        return body;
    }
}
