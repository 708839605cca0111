-- Rate-limit buckets shared by every instance on this database (Bucket4j's PostgreSQL back end, web.RateLimits).
-- The embedded H2 build is one process and keeps its buckets in memory, so this table is PostgreSQL only.
-- id: rule name, hashes of the subject, fingerprint of the rates; state: Bucket4j's serialized bucket;
-- expires_at: epoch milliseconds after which the bucket is full again and the row may go.
create table rate_limit_bucket (
    id varchar(200) primary key,
    state bytea,
    expires_at bigint
);
create index rate_limit_bucket_expires on rate_limit_bucket (expires_at);
