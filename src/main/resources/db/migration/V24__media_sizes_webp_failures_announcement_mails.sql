-- The byte size of an image's largest rendition, the file a feed links as its enclosure (RSS wants the length).
-- Images stored before this have none until the media sweep reads it from the store.
alter table media add column largest_size bigint;
