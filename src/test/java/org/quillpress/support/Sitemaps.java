package org.quillpress.support;

import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The whole sitemap as a guest reads it: the index, then every file it names, as one text. */
public final class Sitemaps {

    private static final Pattern FILE = Pattern.compile("<loc>[^<]*(/sitemap-[a-z]+-\\d+\\.xml)</loc>");

    private Sitemaps() {
    }

    public static String everything() {
        String index = WebClient.anonymous().get(Uncached.path("/sitemap.xml")).asString();
        return FILE.matcher(index).results()
                .map(m -> WebClient.anonymous().get(Uncached.path(m.group(1))).asString())
                .collect(Collectors.joining("\n"));
    }
}
