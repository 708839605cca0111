package org.quillpress.media;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.quillpress.QuillpressConfig;
import org.quillpress.web.ImageRenditions;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Tells the Markdown renderer the sizes of uploaded images; asked once per image when a post is saved. */
@ApplicationScoped
public class MediaRenditions implements ImageRenditions {

    /** The width given as plain src, for browsers without srcset: enough for the text column on most screens. */
    static final int FALLBACK_WIDTH = 960;

    @Inject
    QuillpressConfig config;

    @Override
    public Optional<Image> find(String src) {
        return MediaFiles.fromUrl(src, config.siteUrl())
                .flatMap(file -> QuarkusTransaction.joiningExisting().call(() -> Media.findByHash(file.hash())))
                .map(MediaRenditions::image);
    }

    static Image image(Media media) {
        List<Integer> widths = media.widthList();
        int fallback = widths.stream().filter(w -> w <= FALLBACK_WIDTH).reduce((a, b) -> b).orElse(widths.get(0));
        String srcset = widths.stream().map(w -> MediaFiles.url(media.fileName(w)) + " " + w + "w")
                .collect(Collectors.joining(", "));
        return new Image(MediaFiles.url(media.fileName(fallback)), media.width, media.height, srcset);
    }
}
