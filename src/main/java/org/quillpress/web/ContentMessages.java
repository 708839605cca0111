package org.quillpress.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words the WordPress renderer writes into a post (the title of a link card for a video or social site) and
 * says about what it could not show (listed in an import's report). Rendered posts are stored, so they keep the
 * language the site had when they were rendered. English here, other languages in
 * {@code messages/content_<language>.properties}.
 */
@MessageBundle(value = "content", locale = "en")
public interface ContentMessages {

    /** What a link card leads to: a video, audio, photo or post on the site, or just "on" it. */
    @Message("{#when kind}{#is 'video'}Video on {site}{#is 'audio'}Audio on {site}{#is 'photo'}Photo on {site}{#is 'post'}Post on {site}{#else}On {site}{/when}")
    String embedTitle(String kind, String site);

    @Message("Post by @{handle} on X")
    String embedXPost(String handle);

    /** A block the renderer does not show, named as WordPress names it ("latest-posts", "jetpack/slideshow"). */
    @Message("block {name}")
    String blockNotShown(String name);

    @Message("(its images are not in the export)")
    String galleryNotInExport();

    @Message("({missing} of its images are not in the export)")
    String gallerySomeNotInExport(int missing);

    @Message("(no file address)")
    String mediaWithoutFile();

    @Message("(playlists are not shown here)")
    String playlistNotShown();
}
