-- A signed-in writer's repeat check (comment.Comment#isRepeat: has this account left these very words on this
-- post?) reads that writer's comments on the post. With only (account_id, status) or the post's own indexes to
-- choose from, PostgreSQL often went by the post: while its statistics lagged behind a burst of comments it read
-- every comment of a busy post (1,600 rows for one new comment in the writers' benchmark, and more with every
-- comment). With the account and the post in one index both databases read only the writer's comments there.
create index comment_writer_post on comment (account_id, post_id);
