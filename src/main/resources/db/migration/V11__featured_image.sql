-- A post's featured image (issue 11): shown beside it in lists, above it on its page, in the feeds and as
-- its social card. Deleting an image still featured is refused by the media library before this key is met.
alter table post add column featured_media_id bigint;
alter table post add constraint post_featured_media foreign key (featured_media_id) references media (id);
create index post_featured_media_idx on post (featured_media_id);
