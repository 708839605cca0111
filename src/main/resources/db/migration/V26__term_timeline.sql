-- Each tag's and each category's own public timeline (issue 15). A row of post_tag or post_category carries
-- the time its post appears to readers: the post's publish_at while it is a POST that is PUBLISHED or
-- SCHEDULED, null otherwise (a scheduled post with a later publish_at stays hidden by "visible_at <= now", as
-- on the main timeline). An archive then reads its term's index entries newest first and stops after a
-- page, instead of walking the whole timeline checking each post for the term: a tag absent from the
-- newest year cost 13,433 index reads a page at 100,000 posts. post.TermTimeline keeps the copies right
-- whenever a post's status, publish time, kind, tags or categories change. Same statements on H2 and PG.
alter table post_tag add column visible_at timestamp with time zone;
alter table post_category add column visible_at timestamp with time zone;
update post_tag set visible_at = (select case when p.kind = 'POST' and p.status in ('PUBLISHED', 'SCHEDULED')
    then p.publish_at end from post p where p.id = post_tag.post_id);
update post_category set visible_at = (select case when p.kind = 'POST' and p.status in ('PUBLISHED', 'SCHEDULED')
    then p.publish_at end from post p where p.id = post_category.post_id);
create index post_tag_timeline on post_tag (tag_id, visible_at, post_id);
create index post_category_timeline on post_category (category_id, visible_at, post_id);
