-- post_tag rows are also updated without moving between posts or tags: the term timeline (V26) sets their
-- visible_at whenever a post is published, scheduled or imported. The trigger of V17 recomputed the search vector
-- of every post in such an update (on an import, a second rewrite of each post row); now only posts whose tags
-- really changed (a merge moves a tag's rows to another tag) are recomputed. A column list ("update of tag_id")
-- would be simpler, but PostgreSQL allows no transition tables on such triggers.
create function post_search_on_tag_moved() returns trigger language plpgsql as $$
begin
    update post p set search_vector = post_search_vector(p.title, post_search_tags(p.id), p.body_html)
    where p.id in (
        select moved.post_id from (
            (select post_id, tag_id from moved_from except all select post_id, tag_id from moved_to)
            union all
            (select post_id, tag_id from moved_to except all select post_id, tag_id from moved_from)) moved);
    return null;
end
$$;

drop trigger post_search_on_tag_moved on post_tag;
create trigger post_search_on_tag_moved after update on post_tag
    referencing old table as moved_from new table as moved_to for each statement
    execute function post_search_on_tag_moved();
