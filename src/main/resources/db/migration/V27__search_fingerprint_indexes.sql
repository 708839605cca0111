-- The search index's fingerprint (search.PostDocuments#fingerprint), read at every start of the embedded
-- build, counts and sums the ids and versions of the approved comments and of the public posts. With the
-- status, id and version in one index H2 answers it from the index alone: reading the rows, bodies and all,
-- took 9.6 s at a million comments. PostgreSQL searches in the database and keeps no such fingerprint.
create index comment_search_fingerprint on comment (status, id, version);
create index post_search_fingerprint on post (status, publish_at, id, version);
