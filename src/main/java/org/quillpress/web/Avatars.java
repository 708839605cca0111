package org.quillpress.web;

import java.util.Locale;

/**
 * Avatars without images: a person's initials on one of twelve colours chosen by a stable key, so no
 * page ever asks another host (or this one) for a picture.
 */
public final class Avatars {

    public static final int COLOURS = 12;

    private Avatars() {
    }

    /** "Ada Lovelace" → "AL", "ada" → "A". */
    public static String initials(String name) {
        String[] words = name == null ? new String[0] : name.strip().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return "?";
        }
        String first = words[0].substring(0, words[0].offsetByCodePoints(0, 1));
        String last = words.length > 1 ? words[words.length - 1].substring(0, words[words.length - 1].offsetByCodePoints(0, 1))
                : "";
        return (first + last).toUpperCase(Locale.ROOT);
    }

    /** The palette entry for a key (a handle, or a guest's name). */
    public static int colour(String key) {
        return Math.floorMod(key == null ? 0 : key.hashCode(), COLOURS);
    }
}
