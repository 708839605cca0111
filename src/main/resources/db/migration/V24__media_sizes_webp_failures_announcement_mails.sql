-- The byte size of an image's largest rendition, the file a feed links as its enclosure (RSS wants the length).
-- Images stored before this have none until the media sweep reads it from the store.
alter table media add column largest_size bigint;

-- New-post mails are written after the publishing transaction commits: an announcement is claimed with the
-- post and marked when its mails are in the outbox. Every announcement before this was mailed with it.
alter table post_announcement add column mailed_at timestamp with time zone;
update post_announcement set mailed_at = announced_at;
create index post_announcement_unmailed on post_announcement (mailed_at);

-- When the media sweep could not write an image's WebP files from its own (unreadable or missing): it gives up
-- on the image rather than trying it again every turn; replacing the image gives it another chance.
alter table media add column webp_failed_at timestamp with time zone;
