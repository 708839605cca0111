-- WebP renditions (issue 11): an image has them beside its JPEG/PNG files, at the same widths, when libwebp
-- could write them: <hash>-<width>.webp. Images stored before this get them from the media sweep.
alter table media add column webp boolean default false not null;
