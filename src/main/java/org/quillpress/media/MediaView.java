package org.quillpress.media;

import java.time.Instant;
import java.util.List;

import org.quillpress.web.ImageRenditions;

/** An image as the API and the library page show it. */
public record MediaView(long id, String url, int width, int height, String alt, String caption, String srcset,
        String sizes, String mime, String originalName, long size, List<RenditionView> renditions,
        Instant createdAt, String markdown) {

    /** One stored width. */
    public record RenditionView(String url, int width) {
    }

    static MediaView of(Media media) {
        ImageRenditions.Image image = MediaRenditions.image(media);
        List<Integer> widths = media.widthList();
        String full = MediaFiles.url(media.fileName(widths.get(widths.size() - 1)));
        return new MediaView(media.id, full, media.width, media.height, media.alt, media.caption, image.srcset(),
                "(max-width: 42rem) 100vw, 42rem", media.mime, media.originalName, media.originalSize,
                widths.stream().map(w -> new RenditionView(MediaFiles.url(media.fileName(w)), w)).toList(),
                media.createdAt, "![" + media.alt.replace("]", "\\]").replace("\n", " ") + "](" + full + ")");
    }

    /** The smallest width, for thumbnails in the library. */
    public String thumbnail() {
        return renditions.get(0).url();
    }
}
