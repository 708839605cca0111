-- Full-text search on PostgreSQL: accent- and case-folded, English-stemmed, weighted (title A, tags B,
-- body C), kept in a column that triggers maintain and a GIN index serves, so no search reads every post.
create extension if not exists unaccent;

-- English stemming after unaccent: "Müller" and "muller" both become "muller", "modules" becomes "modul".
-- Queries, documents and ts_headline all name this configuration, so they read text the same way.
create text search configuration quillpress_search (copy = english);
alter text search configuration quillpress_search
    alter mapping for hword, hword_part, word with unaccent, english_stem;
-- words with digits ("Zürich2026") are not stemmed, but folded all the same
alter text search configuration quillpress_search
    alter mapping for numword, numhword, hword_numpart with unaccent, simple;

-- The text of a rendered body: tags dropped, and the two private-use characters the application uses to
-- mark matches in a snippet removed. Character references (&lt;) stay: the parser takes them as entities,
-- which no dictionary indexes, and ts_headline hands them back as they are, for the application to decode
-- before it escapes the snippet (decoded here, "<script>" would be taken for a tag and dropped).
create function post_search_text(body_html text) returns text
language sql immutable parallel safe as $$
    select translate(regexp_replace(left(body_html, 200000), '<[^>]*>', ' ', 'g'), E'\uE000\uE001', '')
$$;

create function post_search_vector(title text, tags text, body_html text) returns tsvector
language sql immutable parallel safe as $$
    select setweight(to_tsvector('quillpress_search', coalesce(title, '')), 'A')
        || setweight(to_tsvector('quillpress_search', coalesce(tags, '')), 'B')
        || setweight(to_tsvector('quillpress_search', post_search_text(body_html)), 'C')
$$;

-- A post's tag names, for its vector; read by the triggers below (not immutable: it reads tables).
create function post_search_tags(post bigint) returns text
language sql stable as $$
    select coalesce(string_agg(t.name, ' '), '') from post_tag pt join tag t on t.id = pt.tag_id where pt.post_id = post
$$;

alter table post add column search_vector tsvector;

update post set search_vector = post_search_vector(title, post_search_tags(id), body_html);

create function post_search_on_write() returns trigger language plpgsql as $$
begin
    new.search_vector := post_search_vector(new.title, post_search_tags(new.id), new.body_html);
    return new;
end
$$;

create trigger post_search_on_write before insert or update of title, body_html on post
    for each row execute function post_search_on_write();

-- Tags added to, taken from or moved between posts (one statement for all rows: an import tags thousands at once).
create function post_search_on_tagging() returns trigger language plpgsql as $$
begin
    update post p set search_vector = post_search_vector(p.title, post_search_tags(p.id), p.body_html)
    where p.id in (select post_id from changed);
    return null;
end
$$;

create trigger post_search_on_tag_added after insert on post_tag
    referencing new table as changed for each statement execute function post_search_on_tagging();
create trigger post_search_on_tag_removed after delete on post_tag
    referencing old table as changed for each statement execute function post_search_on_tagging();
-- a merge moves a tag's rows to another tag
create trigger post_search_on_tag_moved after update on post_tag
    referencing new table as changed for each statement execute function post_search_on_tagging();

-- A renamed tag: its posts are found under the new name.
create function post_search_on_tag_renamed() returns trigger language plpgsql as $$
begin
    update post p set search_vector = post_search_vector(p.title, post_search_tags(p.id), p.body_html)
    where p.id in (select pt.post_id from post_tag pt where pt.tag_id = new.id);
    return null;
end
$$;

create trigger post_search_on_tag_renamed after update of name on tag
    for each row when (old.name is distinct from new.name) execute function post_search_on_tag_renamed();

drop index if exists post_search;
create index post_search on post using gin (search_vector);
create index tag_search on tag using gin (to_tsvector('quillpress_search'::regconfig, name));
