package org.quillpress.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;

/**
 * Writes a Markdown image of a post as an {@code <img>} that does not shift the page and loads no more than
 * it shows: a stored image gets its width, height and other widths (srcset); every image but the first
 * loads lazily (every image, below a featured image). One instance per rendering, so "the first" is the first
 * of one post.
 */
final class PostImage implements NodeRenderer {

    /** A path on this site (never {@code //host}, another site's address) and its width. */
    private static final String CANDIDATE = "/[A-Za-z0-9._~-][A-Za-z0-9._~/-]{0,199} [1-9][0-9]{0,4}w";

    /**
     * Same-site candidates only ({@code /path 960w, …}): the sanitizer lets nothing else through. (It writes
     * the list back with a space before each comma.)
     */
    static final Pattern SRCSET = Pattern.compile(CANDIDATE + "(?: ?, ?" + CANDIDATE + "){0,9}");

    /** The one sizes value written: full width on narrow screens, the text column's width beyond. */
    static final String SIZES = "(max-width: 42rem) 100vw, 42rem";

    private final HtmlNodeRendererContext context;
    private final Function<String, Optional<ImageRenditions.Image>> renditions;
    private int images;

    /** {@code belowFeatured}: the post shows a featured image above its text, so even its first image is lazy. */
    PostImage(HtmlNodeRendererContext context, Function<String, Optional<ImageRenditions.Image>> renditions,
            boolean belowFeatured) {
        this.context = context;
        this.renditions = renditions;
        this.images = belowFeatured ? 1 : 0;
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(Image.class);
    }

    @Override
    public void render(Node node) {
        Image image = (Image) node;
        String destination = image.getDestination();
        String src = context.shouldSanitizeUrls() ? context.urlSanitizer().sanitizeImageUrl(destination)
                : destination;
        Map<String, String> attributes = new LinkedHashMap<>();
        Optional<ImageRenditions.Image> stored = renditions.apply(destination);
        attributes.put("src", context.encodeUrl(stored.map(ImageRenditions.Image::src).orElse(src)));
        attributes.put("alt", altText(image));
        if (image.getTitle() != null) {
            attributes.put("title", image.getTitle());
        }
        stored.ifPresent(s -> {
            attributes.put("width", Integer.toString(s.width()));
            attributes.put("height", Integer.toString(s.height()));
            attributes.put("srcset", s.srcset());
            attributes.put("sizes", SIZES);
        });
        // the first image is usually in view at once: loading it lazily would only delay it
        if (images++ > 0) {
            attributes.put("loading", "lazy");
        }
        attributes.put("decoding", "async");
        context.getWriter().tag("img", context.extendAttributes(image, "img", attributes), true);
    }

    private static String altText(Image image) {
        StringBuilder alt = new StringBuilder();
        image.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                alt.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                alt.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak softLineBreak) {
                alt.append('\n');
            }

            @Override
            public void visit(HardLineBreak hardLineBreak) {
                alt.append('\n');
            }
        });
        return alt.toString();
    }
}
