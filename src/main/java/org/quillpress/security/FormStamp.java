package org.quillpress.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A signed "form shown at" time for public forms: the comment form sends it back, so the server can tell
 * how long the writer took (bots post within a second or two) and that the form came from this site.
 */
@ApplicationScoped
public class FormStamp {

    /** The form field that carries the stamp. */
    public static final String FIELD = "started";

    @Inject
    SessionCodec codec;

    @Inject
    Clock clock;

    /** A stamp for a form rendered now. */
    public String issue() {
        String millis = Long.toString(clock.millis());
        return millis + "." + codec.sign("form-stamp:" + millis);
    }

    /** How long ago the form was shown, when the stamp is genuine; empty for a missing or forged one. */
    public Optional<Duration> age(String stamp) {
        if (stamp == null) {
            return Optional.empty();
        }
        int dot = stamp.indexOf('.');
        if (dot <= 0 || !codec.verify("form-stamp:" + stamp.substring(0, dot), stamp.substring(dot + 1))) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.between(Instant.ofEpochMilli(Long.parseLong(stamp.substring(0, dot))),
                    clock.instant()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
