/**
 * The page cache: public pages rendered for guests are kept in memory with a gzip copy and served at the HTTP
 * layer before authentication, REST, Hibernate or Qute run ({@link org.quillpress.cache.PageCacheRoute},
 * {@link org.quillpress.cache.PageCache}); per-visitor form fields are spliced into each copy.
 * <p>
 * Rules: signed-in visitors are never served from it; any change saved on this instance clears it.
 */
package org.quillpress.cache;
