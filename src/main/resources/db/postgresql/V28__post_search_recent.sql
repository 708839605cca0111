-- The visible posts and pages newest first, for search (search.PostgresSearch): a word found in most posts is
-- answered by walking this index from the newest and checking each post's vector, stopping after the newest
-- matches a search ranks (QUILLPRESS_SEARCH_MAX_RESULTS, 1,000), instead of reading every match from the GIN
-- index post_search and sorting them all. A rare word still goes through post_search.
create index post_search_recent on post (publish_at desc, id desc) where status in ('PUBLISHED', 'SCHEDULED');
