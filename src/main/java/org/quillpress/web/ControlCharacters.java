package org.quillpress.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one check for control characters in what people type: a NUL byte or another control character (tab, line
 * feed and carriage return excepted) is refused with a 400 naming the field, before it reaches the database.
 * PostgreSQL refuses NUL in text outright and H2 would keep it, so without this the same input failed on one
 * database and was stored on the other.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** True when {@code text} holds a character no form field should. */
    public static boolean present(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r' && (c < 0x20 || (c >= 0x7f && c <= 0x9f))) {
                return true;
            }
        }
        return false;
    }

    /** The message for a field that holds one. */
    public static String message() {
        return SiteLanguage.messages(CheckMessages.class).controlCharacters();
    }

    /**
     * Refuses the input when any field holds a control character: {@code fieldsAndValues} alternates a field's
     * name and its value (null counts as empty), in the form's order. The exception names each such field, so a
     * form shows it again with the text as typed.
     */
    public static void refuse(String... fieldsAndValues) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (int i = 0; i + 1 < fieldsAndValues.length; i += 2) {
            if (present(fieldsAndValues[i + 1])) {
                errors.put(fieldsAndValues[i], message());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
