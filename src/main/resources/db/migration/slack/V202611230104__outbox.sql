-- every message the bot sends on its own initiative (alerts, notices, surveys) is stored here first and
-- delivered by OutboxDelivery: retried with backoff, paced per channel, exactly once
create table slack_outbox (
    id               bigserial   primary key,
    dedup_key        text        not null unique,
    kind             text        not null,
    -- the channel, or 'user:<id>' for a direct message; messages of one lane go out in order
    lane             text,
    channel          text,
    dm_user          text,
    thread_ts        text,
    -- a reply in the thread of another outbox message (by dedup key), once that one is out
    thread_key       text,
    -- chat.update of this message ts instead of a new message
    update_ts        text,
    text             text        not null,
    blocks           text,
    status           text        not null default 'PENDING',
    attempts         int         not null default 0,
    next_attempt_at  timestamptz not null default now(),
    claimed_by       text,
    claimed_until    timestamptz,
    -- an attempt started and its outcome is unknown: look in the channel before posting again
    uncertain        boolean     not null default false,
    first_attempt_at timestamptz,
    sent_channel     text,
    sent_ts          text,
    sent_by          text,
    last_error       text,
    created_at       timestamptz not null default now(),
    sent_at          timestamptz
);
create index slack_outbox_due on slack_outbox (next_attempt_at, id) where status = 'PENDING';
create index slack_outbox_lane on slack_outbox (lane, id) where status = 'PENDING';

-- when a lane (or '*' for the whole workspace, after a 429) may send next
create table slack_pace (
    lane    text        primary key,
    next_at timestamptz not null
);
