package org.quillpress.web;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that writes a stored image's {@code <picture>}: a WebP {@code <source>} (same widths, same
 * {@code sizes}) before the JPEG/PNG {@code <img>}, which keeps its width, height, loading and alt text and is
 * what browsers without WebP show. Post bodies get it after the sanitizer ({@link #offerWebp}), which itself lets
 * no {@code <picture>} and no {@code <source srcset>} through: an author's own HTML gains nothing by it. Feeds
 * take it off again ({@link #withoutWebp}): feed readers get the plain {@code <img>}.
 */
public final class Picture {

    /** An {@code <img>} as the sanitizer writes it: attribute values in double quotes, {@code >} encoded. */
    private static final Pattern IMG = Pattern.compile("<img [^>]*>");
    private static final Pattern SRC = Pattern.compile(" src=\"([^\"]*)\"");
    private static final Pattern SIZES = Pattern.compile(" sizes=\"([^\"]*)\"");

    /** What {@link #open} writes, and only it: the sanitizer keeps neither from an author's HTML. */
    private static final Pattern OURS = Pattern.compile("<picture><source type=\"image/webp\" [^>]*>|</picture>");

    private Picture() {
    }

    /**
     * Sanitized post HTML with each {@code <img>} of the library that has a {@code srcset} inside a
     * {@code <picture>} offering its WebP files, when it has them.
     */
    static String offerWebp(String html, Function<String, Optional<ImageRenditions.Image>> renditions) {
        if (html.indexOf("<img ") < 0) {
            return html;
        }
        Matcher img = IMG.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 512);
        while (img.find()) {
            String tag = img.group();
            Matcher src = SRC.matcher(tag);
            Matcher sizes = SIZES.matcher(tag);
            String wrapped = tag;
            if (tag.contains(" srcset=\"") && src.find() && sizes.find()) {
                Optional<ImageRenditions.Image> stored = renditions.apply(src.group(1));
                if (stored.isPresent()) {
                    wrapped = wrap(stored.get(), sizes.group(1), tag);
                }
            }
            img.appendReplacement(out, Matcher.quoteReplacement(wrapped));
        }
        img.appendTail(out);
        return out.toString();
    }

    /** {@code img}, in a {@code <picture>} with the image's WebP files when it has them. */
    static String wrap(ImageRenditions.Image image, String sizes, String img) {
        if (image.webpSrcset() == null) {
            return img;
        }
        return "<picture><source type=\"image/webp\" srcset=\"" + WordPressHtml.attr(image.webpSrcset())
                + "\" sizes=\"" + WordPressHtml.attr(sizes) + "\">" + img + "</picture>";
    }

    /**
     * A stored image as an {@code <img>} (in its {@code <picture>}) of a page template: the featured image.
     * {@code lazy} for images below the fold.
     */
    static String of(ImageRenditions.Image image, String alt, String cssClass, String sizes, boolean lazy) {
        String img = "<img class=\"" + WordPressHtml.attr(cssClass) + "\" src=\"" + WordPressHtml.attr(image.src())
                + "\" srcset=\"" + WordPressHtml.attr(image.srcset()) + "\" sizes=\"" + WordPressHtml.attr(sizes)
                + "\" width=\"" + image.width() + "\" height=\"" + image.height() + "\" alt=\""
                + WordPressHtml.attr(alt == null ? "" : alt) + "\"" + (lazy ? " loading=\"lazy\"" : "")
                + " decoding=\"async\">";
        return wrap(image, sizes, img);
    }

    /** Post HTML with only the {@code <img>} of each picture, for feed readers, some of which lack WebP. */
    public static String withoutWebp(String html) {
        return html == null || html.indexOf("<picture>") < 0 ? html : OURS.matcher(html).replaceAll("");
    }
}
