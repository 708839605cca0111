-- Categories and tags (issues 12 and 13).

-- A post is in one or more categories, in order; the first (sort_order 0) is its main one, the one its
-- "posted in" line names. post.category_id keeps a copy of the main one, so that lists, which show only
-- it, still read it with the post; Post.placeIn writes both.
create table post_category (
    post_id bigint not null references post (id) on delete cascade,
    category_id bigint not null references category (id),
    sort_order integer not null,
    primary key (post_id, sort_order)
);
create index post_category_category on post_category (category_id, post_id);
insert into post_category (post_id, category_id, sort_order)
    select id, category_id, 0 from post where category_id is not null;

-- A slug a category or tag had before it was renamed or merged: its archive answers with a 301 to the
-- term that has it now (by id, so renaming again leaves no chain).
create table category_redirect (
    old_slug varchar(200) primary key,
    category_id bigint not null references category (id) on delete cascade
);
create table tag_redirect (
    old_slug varchar(200) primary key,
    tag_id bigint not null references tag (id) on delete cascade
);
