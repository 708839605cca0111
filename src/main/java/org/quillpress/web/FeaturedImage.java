package org.quillpress.web;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;

/**
 * A post's featured image for its templates ({@code featured:of(post.featuredMediaId)}): home page, archives,
 * the post page and its social card. Looked up by id through {@link ImageRenditions}, which remembers them, so
 * pages listing posts with featured images run no query for them.
 */
@TemplateExtension(namespace = "featured")
public final class FeaturedImage {

    private FeaturedImage() {
    }

    /** The featured image with this id, or null when there is none (no id, or the image is gone). */
    public static ImageRenditions.Featured of(Long id) {
        if (id == null) {
            return null;
        }
        return Arc.container().instance(ImageRenditions.class).get().featured(id).orElse(null);
    }

    /** The social card's picture: the featured image in its largest width, else the body's first image. */
    public static String card(Long id, String html) {
        ImageRenditions.Featured featured = of(id);
        return featured != null ? featured.largest() : LeadImage.image(html);
    }
}
