/**
 * What every page and every feature needs, and nothing feature-specific: Markdown and WordPress HTML made
 * safe ({@link org.quillpress.web.Markdown}, {@link org.quillpress.web.WordPressHtml}), slugs, every address
 * and the words a page slug may not take ({@link org.quillpress.web.Paths}), the mark of a public page the
 * cache may keep ({@link org.quillpress.web.PublicPage}), safe redirects, avatars, the request body limit, and the one place
 * that turns exceptions into error pages and
 * {@code application/problem+json} ({@link org.quillpress.web.ErrorMappers}).
 * <p>
 * Rules: the bottom of the tree, it depends on no feature package (see ArchitectureTest). Bad input is an
 * {@link org.quillpress.web.InvalidInputException} naming the field; features announce a change that public
 * pages show with {@link org.quillpress.web.ContentChanged}.
 */
package org.quillpress.web;
