package org.quillpress.web;

/** Where to send someone back to after a form: only paths on this site. */
public final class SafeRedirect {

    private SafeRedirect() {
    }

    /** The path if it stays on this site, otherwise the fallback. */
    public static String path(String candidate, String fallback) {
        if (candidate == null || candidate.isBlank() || candidate.length() > 2000) {
            return fallback;
        }
        boolean local = candidate.startsWith("/") && !candidate.startsWith("//") && !candidate.startsWith("/\\")
                && candidate.chars().noneMatch(c -> c < 0x20);
        return local && isUri(candidate) ? candidate : fallback;
    }

    /** A path a Location header can hold: one with a space or a {@code <} would fail only after signing in. */
    private static boolean isUri(String candidate) {
        try {
            new java.net.URI(candidate);
            return true;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
