package org.quillpress.newsletter;

import java.util.Locale;
import java.util.Optional;

/** How often a subscriber hears of new posts: a mail for each, or one digest a day or a week. */
public enum Frequency {
    EACH_POST,
    DAILY,
    WEEKLY;

    /** The value a form sends for it ("each-post", "daily", "weekly"). */
    public String formValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The frequency a form value names; empty for anything else. */
    public static Optional<Frequency> parse(String value) {
        for (Frequency frequency : values()) {
            if (frequency.formValue().equals(value == null ? "" : value.strip())) {
                return Optional.of(frequency);
            }
        }
        return Optional.empty();
    }

    public boolean isDigest() {
        return this != EACH_POST;
    }
}
