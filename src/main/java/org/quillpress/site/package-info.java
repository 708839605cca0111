/**
 * Site-wide settings kept in the database (title, tagline, posts per page…): read through
 * {@link org.quillpress.site.SiteSettings}, which keeps the current values in memory.
 * <p>
 * Rules: a settings change is one transaction and announces itself with {@code web.ContentChanged}; depends
 * only on {@code web}.
 */
package org.quillpress.site;
