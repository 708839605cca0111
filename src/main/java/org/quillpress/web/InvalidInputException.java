package org.quillpress.web;

import java.util.Map;

/** Input that breaks a rule; carries a message per field and the status to answer with. */
public class InvalidInputException extends RuntimeException {

    private final int status;
    private final Map<String, String> errors;
    private long retryAfterSeconds;

    public InvalidInputException(int status, Map<String, String> errors) {
        super(String.join(", ", errors.keySet()));
        this.status = status;
        this.errors = Map.copyOf(errors);
    }

    public InvalidInputException(Map<String, String> errors) {
        this(400, errors);
    }

    /** For a 429: how long to wait, sent as Retry-After. */
    public InvalidInputException retryAfter(long seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public Map<String, String> errors() {
        return errors;
    }
}
