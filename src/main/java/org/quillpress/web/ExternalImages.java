package org.quillpress.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.parser.Parser;

/**
 * Images a post shows from other sites, and copying one into the media library. Implemented by the media
 * package (above web), so the write page offers the copy without depending on it.
 */
public interface ExternalImages {

    /** The write form's {@code action} value that asks to copy the image at the address that follows. */
    String COPY_ACTION = "copy-image ";

    /** Copies the image at {@code url} into the library for the signed-in author: its library address, or why not. */
    Copy copy(String url);

    /** What a copy gave. */
    sealed interface Copy {
    }

    /** @param url the library address to use in place of the other site's */
    record Copied(String url) implements Copy {
    }

    /** @param reason why not, in words for the author */
    record Failed(String reason) implements Copy {
    }

    /** The other sites' images (http or https, another host than {@code siteUrl}'s) a Markdown body shows. */
    static List<String> in(String markdown, String siteUrl) {
        if (markdown == null || markdown.isBlank()) {
            return List.of();
        }
        String ownHost = host(siteUrl);
        Set<String> found = new LinkedHashSet<>();
        Parser.builder().build().parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                String url = image.getDestination();
                String host = host(url);
                String scheme = url.toLowerCase(Locale.ROOT);
                if ((scheme.startsWith("http://") || scheme.startsWith("https://")) && host != null
                        && !host.equals(ownHost)) {
                    found.add(url);
                }
                visitChildren(image);
            }
        });
        return new ArrayList<>(found);
    }

    private static String host(String url) {
        try {
            String host = URI.create(url.strip()).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
