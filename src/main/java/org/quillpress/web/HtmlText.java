package org.quillpress.web;

import io.quarkus.qute.Escaper;

/**
 * Text written into HTML by Java code the way the templates write a value: Qute's escaping of the five
 * characters that could end an attribute or start markup, and nothing else. For the few places that put a
 * visitor's values into an already rendered page.
 */
public final class HtmlText {

    private static final Escaper HTML = Escaper.builder().add('"', "&quot;").add('\'', "&#39;").add('&', "&amp;")
            .add('<', "&lt;").add('>', "&gt;").build();

    private HtmlText() {
    }

    public static String escape(String text) {
        return HTML.escape(text);
    }
}
