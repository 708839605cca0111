-- WordPress import and export (issue 5).

-- Categories nest, as WordPress's do; deleting a parent lifts its children to the top level.
alter table category add column parent_id bigint;
alter table category add constraint category_parent foreign key (parent_id) references category (id)
    on delete set null;

-- How a body's source is written: MARKDOWN (written here) or WORDPRESS (imported HTML, rendered with
-- WordPress's paragraph convention and the same sanitizer).
alter table post add column body_format varchar(16) default 'MARKDOWN' not null;
alter table comment add column body_format varchar(16) default 'MARKDOWN' not null;

-- WordPress's "stick to the front page" flag, kept so an export gives it back.
alter table post add column sticky boolean default false not null;

-- What an import brought in, by the WordPress site it came from and the id it had there: a second
-- import of the same file finds everything already here, and old addresses (/?p=42, dated permalinks
-- with the WordPress slug) find their new place.
create table wxr_link (
    source varchar(200) not null,
    kind varchar(16) not null,
    wp_id bigint not null,
    local_id bigint not null,
    wp_slug varchar(200),
    primary key (source, kind, wp_id)
);
create index wxr_link_wp_id on wxr_link (kind, wp_id);
create index wxr_link_wp_slug on wxr_link (kind, wp_slug);
