-- WordPress imports as jobs in the database (issue 16): any instance shows an import's progress, and when
-- the instance running one dies (its lease runs out) another takes it over and finishes it.
create table import_job (
    id varchar(36) primary key,
    file_name varchar(255) not null,
    -- the source name the admin gave (null: the blog's address in the file)
    source_name varchar(200),
    -- a folder or zip of the old site's uploads on the server, when given
    uploads varchar(1000),
    -- whether the attachments are also downloaded from the old site (media.RemoteImages)
    download_attachments boolean default false not null,
    -- UPLOADING (the file is being stored), RUNNING, FINISHED or FAILED
    state varchar(16) not null,
    size_bytes bigint not null,
    bytes_read bigint default 0 not null,
    -- ImportReport as JSON, written after every batch
    report varchar(1000000),
    -- the instance running it, and until when that instance holds it unless it renews the lease
    owner varchar(200) not null,
    lease_until timestamp with time zone not null,
    -- how many instances have started it (1, then one more per take-over)
    runs integer default 1 not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null
);
create index import_job_lease on import_job (state, lease_until);

-- The uploaded file, in pieces of up to 1 MB (so neither writing nor reading holds it whole in memory),
-- kept until the job ends: in the database, every instance can read it.
create table import_job_chunk (
    job_id varchar(36) not null,
    seq integer not null,
    data bytea not null,
    primary key (job_id, seq),
    constraint import_job_chunk_job foreign key (job_id) references import_job (id) on delete cascade
);
