/**
 * The site search: one {@link org.quillpress.search.SearchEngine} per build (Apache Lucene beside the embedded
 * H2, PostgreSQL's full-text search on PostgreSQL), the service that turns its hits into what readers may see
 * ({@link org.quillpress.search.Search}) and the results page ({@link org.quillpress.search.SearchResource}).
 * <p>
 * Rules: only what the public lists show is ever found (published posts and pages whose time has come); a
 * snippet is escaped text with {@code <mark>} around matches and nothing else ({@link org.quillpress.search.Snippet}).
 * Depends on post (what is searched), comment (approved comments, and the event that announces them) and web;
 * nothing depends on it but the layout, for the search box's length.
 */
package org.quillpress.search;
