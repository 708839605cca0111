package org.quillpress.cache;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.quillpress.web.Paths;
import org.quillpress.web.PublicPage;

import io.quarkus.logging.Log;

/**
 * Which addresses the page cache may answer, and the small parts of HTTP it reads. An allow-list: a page
 * is cached only when its resource method says it is a {@link PublicPage}.
 */
final class CacheRules {

    /** Longer request targets are served by the application (and bound the size of a key). */
    static final int MAX_URI_LENGTH = 1024;

    private CacheRules() {
    }

    /**
     * The addresses of the public pages every guest sees alike, as one pattern to match a whole path against:
     * the GET methods marked {@link PublicPage} in {@code resources}, their {@code @Path} templates read as
     * JAX-RS reads them. A parameter in the first segment (a standalone page's slug) never takes a reserved
     * word: JAX-RS gives those addresses to the routes that start with them.
     */
    static Pattern cacheablePaths(Collection<Class<?>> resources) {
        Pattern all = paths(resources, page -> true);
        if (all.pattern().isEmpty()) {
            Log.warn("No resource method is marked @PublicPage: the page cache keeps nothing");
        }
        return all;
    }

    /** The same for the pages marked {@link PublicPage#everyone()}: alike for signed-in visitors too. */
    static Pattern everyonePaths(Collection<Class<?>> resources) {
        return paths(resources, PublicPage::everyone);
    }

    private static Pattern paths(Collection<Class<?>> resources, Predicate<PublicPage> which) {
        List<String> routes = new ArrayList<>();
        for (Class<?> resource : resources) {
            Path root = resource.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : resource.getDeclaredMethods()) {
                PublicPage page = method.getAnnotation(PublicPage.class);
                if (page != null && which.test(page) && method.isAnnotationPresent(GET.class)) {
                    Path sub = method.getAnnotation(Path.class);
                    routes.add(regex(root.value() + "/" + (sub == null ? "" : sub.value())));
                }
            }
        }
        // sorted, so the same routes give the same pattern
        return Pattern.compile(routes.stream().sorted().collect(Collectors.joining("|")));
    }

    /** The regular expression of a JAX-RS path template, such as {@code archive/{year}/{month}}. */
    private static String regex(String template) {
        String path = "/" + String.join("/", Stream.of(template.split("/")).filter(s -> !s.isEmpty()).toList());
        StringBuilder regex = new StringBuilder("/");
        if (path.startsWith("/{")) {
            regex.append("(?!(?:").append(Paths.RESERVED.stream().sorted().map(Pattern::quote)
                    .collect(Collectors.joining("|"))).append(")(?:/|$))");
        }
        int i = 1;
        while (i < path.length()) {
            int open = path.indexOf('{', i);
            if (open < 0) {
                regex.append(Pattern.quote(path.substring(i)));
                break;
            }
            if (open > i) {
                regex.append(Pattern.quote(path.substring(i, open)));
            }
            int close = closingBrace(path, open);
            String parameter = path.substring(open + 1, close);
            int colon = parameter.indexOf(':');
            regex.append(colon < 0 ? "[^/]+" : "(?:" + parameter.substring(colon + 1).strip() + ")");
            i = close + 1;
        }
        return "(?:" + regex + ")";
    }

    /** Where the parameter opened at {@code open} ends; its regular expression may hold braces of its own. */
    private static int closingBrace(String path, int open) {
        int depth = 0;
        for (int i = open; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("Unclosed parameter in the path template " + path);
    }

    /** True when {@code acceptEncoding} allows gzip (a q-value of 0 refuses it, RFC 9110, 12.5.3). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        Boolean wildcard = null;
        for (String item : acceptEncoding.split(",")) {
            String[] parts = item.split(";");
            String coding = parts[0].strip();
            boolean allowed = true;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].strip();
                if (parameter.regionMatches(true, 0, "q=", 0, 2)) {
                    allowed = !isZero(parameter.substring(2).strip());
                }
            }
            if (coding.equalsIgnoreCase("gzip") || coding.equalsIgnoreCase("x-gzip")) {
                return allowed;
            }
            if (coding.equals("*")) {
                wildcard = allowed;
            }
        }
        return Boolean.TRUE.equals(wildcard);
    }

    private static boolean isZero(String q) {
        try {
            return Double.parseDouble(q) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** True when {@code ifNoneMatch} names {@code etag} by weak comparison, or is "*". */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || etag == null) {
            return false;
        }
        String wanted = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || opaque(tag).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
