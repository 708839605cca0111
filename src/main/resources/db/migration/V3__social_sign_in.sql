-- Social sign-in: what each provider told us about the person, kept per identity so that unlinking one
-- provider does not leave its name or picture behind on the account.
alter table login_identity add column display_name varchar(120);
-- only an address the provider says it verified; private like account.email
alter table login_identity add column email varchar(254);
alter table login_identity add column avatar_url varchar(500);

-- whether the account holder wants mail about replies to their comments
alter table account add column notify_replies boolean default true not null;

-- What a guest had typed into a comment form when they chose to sign in with a provider: given back to the
-- same form when they return. Keyed by a random token held in a short-lived cookie; removed when used or
-- after an hour.
create table sign_in_draft (
    token varchar(64) primary key,
    post_id bigint not null references post (id) on delete cascade,
    parent_id bigint references comment (id) on delete cascade,
    body varchar(65535) not null,
    created_at timestamp with time zone not null
);
create index sign_in_draft_created on sign_in_draft (created_at);
