package org.quillpress.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.qute.TemplateExtension;

/**
 * The picture that stands for a post where there is room for one (the social card: {@code og:image}): its
 * first image, in the largest width the site stores. Read from the rendered, sanitised HTML, so it costs no
 * query; only images of this site qualify, since another site's picture may vanish or change.
 */
@TemplateExtension(namespace = "lead")
public final class LeadImage {

    private static final Pattern IMG = Pattern.compile("<img [^>]*>");
    private static final Pattern SRC = Pattern.compile(" src=\"(/[^/\"][^\"]*)\"");
    private static final Pattern SRCSET = Pattern.compile(" srcset=\"([^\"]*)\"");

    private LeadImage() {
    }

    /** The site path of the first image in {@code html}, or null when its first image is not this site's. */
    public static String image(String html) {
        Matcher img = IMG.matcher(html == null ? "" : html);
        if (!img.find()) {
            return null;
        }
        String tag = img.group();
        Matcher srcset = SRCSET.matcher(tag);
        if (srcset.find()) {
            String[] candidates = srcset.group(1).split(",");
            // the renderer lists widths smallest first
            return candidates[candidates.length - 1].strip().split(" ")[0];
        }
        Matcher src = SRC.matcher(tag);
        return src.find() ? src.group(1) : null;
    }
}
