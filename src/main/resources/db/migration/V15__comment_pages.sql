-- The top-level comments of a post in thread order, so that a page of its thread is found by seeking
-- (post, approved, depth 1) rather than reading every comment of the post.
create index comment_roots on comment (post_id, status, depth, path);
