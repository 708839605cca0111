package org.quillpress.wxr;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.quillpress.web.ImageRenditions;
import org.quillpress.web.WordPressHtml;
import org.quillpress.web.WordPressHtml.Attachments;
import org.quillpress.web.WordPressHtml.Image;
import org.quillpress.web.WordPressMedia;

/**
 * The attachments of an imported post's blog as its galleries show them: an attachment whose file came into the
 * media library shows from there, with its other widths; one that did not keeps the address the export gave.
 */
@ApplicationScoped
class ImportedMedia implements WordPressMedia {

    @Inject
    ImageRenditions renditions;

    @Override
    public Attachments of(long postId) {
        return WxrLink.origin(postId).map(link -> forItem(link.key.source, link.key.wpId)).orElse(Attachments.NONE);
    }

    /** The attachments of {@code source} for the galleries of its item with WordPress id {@code wpPostId}. */
    Attachments forItem(String itemSource, long wpPostId) {
        // an item whose id the file repeated is filed under "source#repeat-N"; its images are the blog's
        String source = blogOf(itemSource);
        Map<Long, Optional<Image>> seen = new HashMap<>();
        return new Attachments() {
            @Override
            public Optional<Image> image(long wpId) {
                return seen.computeIfAbsent(wpId, id -> WxrAttachment.find(source, id).map(ImportedMedia.this::image));
            }

            @Override
            public List<Image> ofPost() {
                return wpPostId <= 0 ? List.of()
                        : WxrAttachment.ofParent(source, wpPostId).stream().map(ImportedMedia.this::image).toList();
            }
        };
    }

    static String blogOf(String itemSource) {
        return itemSource.replaceFirst("#repeat-\\d+$", "");
    }

    private Image image(WxrAttachment attachment) {
        if (attachment.mediaId != null) {
            Optional<ImageRenditions.Featured> stored = renditions.featured(attachment.mediaId);
            if (stored.isPresent()) {
                return new WordPressHtml.Image(stored.get().largest(), attachment.alt, attachment.caption,
                        stored.get().image());
            }
        }
        return new Image(attachment.url, attachment.alt, attachment.caption);
    }
}
