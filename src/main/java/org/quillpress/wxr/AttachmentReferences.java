package org.quillpress.wxr;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a WordPress body names an attachment by its id: a gallery's {@code ids} (or {@code include}), an image's
 * {@code wp-image-N} class, a gallery block image's {@code data-id}, a caption's {@code id="attachment_N"} and the ids in a
 * media block's attributes
 * ({@code <!-- wp:image {"id":N} -->}, {@code "ids":[…]}). The import reads them to find the images; the export
 * renumbers them to the ids its attachment items have.
 */
final class AttachmentReferences {

    private static final Pattern GALLERY_IDS = Pattern
            .compile("(\\[gallery\\b[^\\]]*?\\b(?:ids|include)\\s*=\\s*[\"']?)([\\d,\\s]+)");
    private static final Pattern ID_REFERENCE = Pattern.compile("(wp-image-|data-id=\")(\\d{1,12})");
    /** A caption's id names its image's attachment too; the image's class is what shows it. */
    private static final Pattern CAPTION_ID = Pattern
            .compile("(\\[(?:wp_)?caption\\b[^\\]]*?\\bid=[\"']?attachment_)(\\d{1,12})");
    private static final Pattern MEDIA_BLOCK = Pattern
            .compile("(<!-- wp:(?:image|gallery|media-text|cover|video|audio|file) )(\\{.*?\\})(\\s*/?-->)");
    private static final Pattern BLOCK_IDS = Pattern.compile("(\"(?:id|mediaId)\":)(\\d{1,12})|(\"ids\":\\[)([\\d,]*)");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,12}");

    private AttachmentReferences() {
    }

    /** The attachment ids the body's galleries and images name (block attributes repeat them: not read). */
    static Set<Long> ids(String body) {
        Set<Long> ids = new LinkedHashSet<>();
        Matcher gallery = GALLERY_IDS.matcher(body);
        while (gallery.find()) {
            Matcher number = NUMBER.matcher(gallery.group(2));
            while (number.find()) {
                ids.add(Long.parseLong(number.group()));
            }
        }
        Matcher reference = ID_REFERENCE.matcher(body);
        while (reference.find()) {
            ids.add(Long.parseLong(reference.group(2)));
        }
        return ids;
    }

    /** The body with every attachment id {@code to} maps replaced by its new id; others stay as they are. */
    static String renumber(String body, LongFunction<Optional<Long>> to) {
        String galleries = GALLERY_IDS.matcher(body)
                .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + numbers(m.group(2), to)));
        String captions = CAPTION_ID.matcher(galleries)
                .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + numbers(m.group(2), to)));
        String images = ID_REFERENCE.matcher(captions)
                .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + numbers(m.group(2), to)));
        return MEDIA_BLOCK.matcher(images).replaceAll(block -> Matcher.quoteReplacement(block.group(1)
                + BLOCK_IDS.matcher(block.group(2)).replaceAll(m -> Matcher.quoteReplacement(m.group(1) != null
                        ? m.group(1) + numbers(m.group(2), to)
                        : m.group(3) + numbers(m.group(4), to)))
                + block.group(3)));
    }

    private static String numbers(String text, LongFunction<Optional<Long>> to) {
        return NUMBER.matcher(text).replaceAll(m -> to.apply(Long.parseLong(m.group())).map(String::valueOf)
                .orElse(m.group()));
    }
}
