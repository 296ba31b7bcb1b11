-- one row per Events API delivery: the primary key makes retries and other instances act once
create table slack_delivery (
    event_id       text primary key,
    event_type     text,
    team_id        text,
    received_at    timestamptz not null default now(),
    repeats        integer     not null default 0,
    last_retry_num integer     not null default 0
);
create index slack_delivery_received on slack_delivery (received_at);

-- threads the bot takes part in: follow-ups there need no mention
create table slack_thread (
    channel_id text        not null,
    thread_ts  text        not null,
    partner_id uuid,
    started_by text        not null,
    started_at timestamptz not null default now(),
    primary key (channel_id, thread_ts)
);
