-- Sessions ended by signing out: a copy of the cookie must not open the account on any instance. Rows
-- go once the session would have expired anyway.
create table revoked_session (
    session_id varchar(32) primary key,
    revoked_at timestamp with time zone not null,
    expires_at timestamp with time zone not null
);
create index revoked_session_revoked_at on revoked_session (revoked_at);
create index revoked_session_expires_at on revoked_session (expires_at);
