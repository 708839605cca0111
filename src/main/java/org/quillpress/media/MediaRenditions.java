package org.quillpress.media;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.quillpress.QuillpressConfig;
import org.quillpress.bus.Area;
import org.quillpress.bus.ChangeBus;
import org.quillpress.bus.RemoteChange;
import org.quillpress.web.ImageRenditions;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Tells the Markdown renderer the sizes of uploaded images; asked once per image when a post is saved. */
@ApplicationScoped
public class MediaRenditions implements ImageRenditions {

    /** The width given as plain src, for browsers without srcset: enough for the text column on most screens. */
    static final int FALLBACK_WIDTH = 960;

    @Inject
    QuillpressConfig config;

    @Inject
    ChangeBus bus;

    /** Above this many entries the featured-image memory starts again, so it stays small. */
    private static final int REMEMBERED = 5000;

    /**
     * Featured images by id. Its alt text and (when it is replaced) its files can change; deleting, editing or
     * replacing it forgets it ({@link #forget}), here and, through the {@link ChangeBus}, on the other instances.
     */
    private final Map<Long, Optional<Featured>> featured = new ConcurrentHashMap<>();

    @Override
    public Optional<Long> idOf(String reference) {
        String text = reference == null ? "" : reference.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.chars().allMatch(Character::isDigit) && text.length() < 18) {
            long id = Long.parseLong(text);
            return featured(id).map(Featured::id);
        }
        return MediaFiles.fromUrl(text, config.siteUrl())
                .flatMap(file -> QuarkusTransaction.joiningExisting().call(() -> MediaPrevious.imageOf(file.hash())))
                .map(media -> media.id);
    }

    @Override
    public Optional<Featured> featured(long id) {
        Optional<Featured> known = featured.get(id);
        if (known != null) {
            return known;
        }
        Optional<Featured> found = QuarkusTransaction.joiningExisting()
                .call(() -> Media.<Media> findByIdOptional(id).map(MediaRenditions::featured));
        if (featured.size() >= REMEMBERED) {
            featured.clear();
        }
        // only found images are remembered: an id that is not there yet may be uploaded later
        found.ifPresent(f -> featured.put(id, found));
        return found;
    }

    @Override
    public List<Featured> newest(int limit) {
        return Media.search(null, limit).stream().map(MediaRenditions::featured).toList();
    }

    /** Forgets what {@link #featured} remembers of this image, after its alt text changed or it was deleted. */
    void forget(long id) {
        featured.remove(id);
        bus.publish(Area.MEDIA, Long.toString(id));
    }

    void onRemoteChange(@Observes RemoteChange change) {
        if (change.area() != Area.MEDIA) {
            return;
        }
        try {
            if (change.key() != null) {
                featured.remove(Long.parseLong(change.key()));
                return;
            }
        } catch (NumberFormatException e) {
            // forget them all
        }
        featured.clear();
    }

    static Featured featured(Media media) {
        return new Featured(media.id, image(media), media.alt, MediaFiles.url(media.fileName(media.width)),
                media.largestSize == null ? 0 : media.largestSize, media.mime, media.originalName);
    }

    @Override
    public Optional<Image> find(String src) {
        // an address of a replaced file names the image that replaced it
        return MediaFiles.fromUrl(src, config.siteUrl())
                .flatMap(file -> QuarkusTransaction.joiningExisting().call(() -> MediaPrevious.imageOf(file.hash())))
                .map(MediaRenditions::image);
    }

    static Image image(Media media) {
        List<Integer> widths = media.widthList();
        int fallback = widths.stream().filter(w -> w <= FALLBACK_WIDTH).reduce((a, b) -> b).orElse(widths.get(0));
        String srcset = widths.stream().map(w -> MediaFiles.url(media.fileName(w)) + " " + w + "w")
                .collect(Collectors.joining(", "));
        String webpSrcset = !media.webp ? null
                : widths.stream().map(w -> MediaFiles.url(media.webpFileName(w)) + " " + w + "w")
                        .collect(Collectors.joining(", "));
        return new Image(MediaFiles.url(media.fileName(fallback)), media.width, media.height, srcset, webpSrcset);
    }
}
