-- Full-text search over titles and bodies on PostgreSQL (H2 uses a plain match).
create index post_search on post using gin (to_tsvector('simple', title || ' ' || left(body_markdown, 200000)));
