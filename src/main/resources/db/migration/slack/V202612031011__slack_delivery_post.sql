-- the messages a delivery's work posted (or updated), in order: a delivery run again
-- after its instance died does not post what was posted already
create table slack_delivery_post (
    event_id  text    not null references slack_delivery (event_id) on delete cascade,
    seq       integer not null,
    ts        text,
    posted_at timestamptz not null default now(),
    primary key (event_id, seq)
);
