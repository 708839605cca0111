/**
 * Images for posts: an upload is decoded, checked and re-encoded once (orientation applied, metadata gone, a
 * few widths), its files kept in a {@link org.quillpress.media.MediaStore} (a folder, or an S3-compatible
 * bucket shared by several instances) under content-hash names that never change, and its row (alt text,
 * caption, sizes) in the database. Posts meet it through {@link org.quillpress.web.ImageRenditions}, so the
 * Markdown renderer in web writes {@code srcset} and sizes without knowing this package.
 */
package org.quillpress.media;
