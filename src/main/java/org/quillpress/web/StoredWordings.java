package org.quillpress.web;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sentences the product stores in English (audit entries, moderation notes) worded again in the site's language:
 * the first pattern that matches the whole stored text words it; text no pattern knows (a moderator's own reason)
 * is shown as it was stored.
 */
public final class StoredWordings {

    /** One stored sentence the product writes, and how to word it from its groups. */
    public record Wording(Pattern pattern, Function<Matcher, String> words) {
    }

    private final List<Wording> wordings;

    private StoredWordings(List<Wording> wordings) {
        this.wordings = wordings;
    }

    /** The wordings, tried in this order. */
    public static StoredWordings of(Wording... wordings) {
        return new StoredWordings(List.of(wordings));
    }

    /** A sentence as a regular expression over the whole stored text (a group may span lines). */
    public static Wording wording(String regex, Function<Matcher, String> words) {
        return new Wording(Pattern.compile(regex, Pattern.DOTALL), words);
    }

    /** The stored text in the site's language; null stays null. */
    public String shown(String stored) {
        if (stored == null) {
            return null;
        }
        for (Wording wording : wordings) {
            Matcher matcher = wording.pattern().matcher(stored);
            if (matcher.matches()) {
                return wording.words().apply(matcher);
            }
        }
        return stored;
    }
}
