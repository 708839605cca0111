package org.quillpress.web;

import io.quarkus.arc.Arc;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;

/**
 * A post's featured image for its templates ({@code featured:of(post.featuredMediaId)}): home page, archives,
 * the post page and its social card. Looked up by id through {@link ImageRenditions}, which remembers them, so
 * pages listing posts with featured images run no query for them.
 */
@TemplateExtension(namespace = "featured")
public final class FeaturedImage {

    /** A list's thumbnail: full width on narrow screens (the stylesheet stacks it), 12rem beyond. */
    static final String THUMB_SIZES = "(max-width: 42rem) 100vw, 12rem";

    private FeaturedImage() {
    }

    /** The featured image with this id, or null when there is none (no id, or the image is gone). */
    public static ImageRenditions.Featured of(Long id) {
        if (id == null) {
            return null;
        }
        return Arc.container().instance(ImageRenditions.class).get().featured(id).orElse(null);
    }

    /** The featured image at the top of its post: eager (it is in view at once), as wide as the text. */
    public static RawString onPost(ImageRenditions.Featured featured) {
        return new RawString(Picture.of(featured.image(), featured.alt(), "featured-image u-photo", PostImage.SIZES,
                false));
    }

    /**
     * The featured image beside a post in a list (home page, archives): decorative there (the title beside it
     * names the post), loaded lazily.
     */
    public static RawString inList(ImageRenditions.Featured featured) {
        return new RawString(Picture.of(featured.image(), "", "featured-thumb", THUMB_SIZES, true));
    }

    /** The social card's picture: the featured image in its largest width, else the body's first image. */
    public static String card(Long id, String html) {
        ImageRenditions.Featured featured = of(id);
        return featured != null ? featured.largest() : LeadImage.image(html);
    }
}
