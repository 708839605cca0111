-- Replacing an image keeps its id (issue 11): post bodies keep the addresses they were written with, and an
-- address made from a replaced file's hash stands for the image that replaced it. The renderer reads the
-- image through this table, and a reader who asks for a replaced file is sent to the current one.
create table media_previous (
    hash varchar(64) not null primary key,
    media_id bigint not null,
    replaced_at timestamp with time zone not null,
    constraint media_previous_media foreign key (media_id) references media (id) on delete cascade
);
create index media_previous_media on media_previous (media_id);

-- One row: the orphan sweep's turn. An instance claims it (FOR UPDATE SKIP LOCKED) and moves last_run on,
-- so one instance sweeps the store per period however many run.
create table media_sweep (
    id integer not null primary key,
    last_run timestamp with time zone not null
);
insert into media_sweep (id, last_run) values (1, timestamp '1970-01-01 00:00:00');
