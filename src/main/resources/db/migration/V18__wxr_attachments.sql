-- The attachment items of a WordPress export (issues 11 and 13): what each was on the old site (its id there,
-- the post it was attached to, its address, description and caption) and, once its file came into the media
-- library, the media row it became. Galleries ([gallery ids="…"], block galleries, wp-image-N classes) find
-- their images through it on every rendering, so editing an imported post keeps its gallery.
create table wxr_attachment (
    source varchar(200) not null,
    wp_id bigint not null,
    wp_parent bigint not null,
    url varchar(2000) not null,
    title varchar(500) not null,
    alt varchar(1000) not null,
    caption varchar(2000) not null,
    media_id bigint,
    primary key (source, wp_id),
    constraint wxr_attachment_media foreign key (media_id) references media (id) on delete set null
);
create index wxr_attachment_parent on wxr_attachment (source, wp_parent);

-- Rendering an imported post looks up where it came from by its id here.
create index wxr_link_local on wxr_link (kind, local_id);
