package org.quillpress.web;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.ibm.icu.text.Transliterator;

/**
 * URL slugs: lower-case ASCII letters and digits joined by single hyphens. Text in any script is spelled in
 * Latin letters first by ICU's transliteration rules (Greek "Καλημέρα" → "kalemera", Cyrillic "Привет" →
 * "privet", "Straße" → "strasse", accents dropped), so a title in another alphabet still gets a readable
 * address instead of none.
 */
public final class Slugs {

    public static final int MAX_LENGTH = 200;
    public static final Pattern VALID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final Pattern DIGITS = Pattern.compile("[0-9-]+");

    /**
     * Any script to Latin, then Latin to plain ASCII (which also spells ß as ss and æ as ae). ICU compiles the
     * rules once; an instance is not meant to be shared between threads, hence one per thread.
     */
    private static final ThreadLocal<Transliterator> TO_ASCII = ThreadLocal
            .withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));

    private Slugs() {
    }

    /** A slug derived from any text; empty when nothing of the text survives. */
    public static String of(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String ascii = TO_ASCII.get().transliterate(text);
        String slug = NON_ALNUM.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = trimHyphens(slug);
        if (slug.length() > MAX_LENGTH) {
            slug = trimHyphens(slug.substring(0, MAX_LENGTH));
        }
        return slug;
    }

    /**
     * A slug for a post, page or term named {@code text}: never empty (then {@code word} alone) and never digits
     * only (then {@code word} in front), since an address of digits reads as an id or a date.
     */
    public static String of(String text, String word) {
        String slug = of(text);
        if (slug.isEmpty()) {
            return word;
        }
        if (DIGITS.matcher(slug).matches()) {
            String prefixed = word + "-" + slug;
            return prefixed.length() > MAX_LENGTH ? trimHyphens(prefixed.substring(0, MAX_LENGTH)) : prefixed;
        }
        return slug;
    }

    /**
     * {@code base}, or {@code base-2}, {@code base-3}… : the first that is not in {@code taken} (the
     * slugs already used that equal base or start with "base-", read in one query by the caller).
     */
    public static String firstFree(String base, Set<String> taken) {
        String candidate = base;
        for (int n = 2; taken.contains(candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    public static boolean isValid(String slug) {
        return slug != null && slug.length() <= MAX_LENGTH && VALID.matcher(slug).matches();
    }

    private static String trimHyphens(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }
}
