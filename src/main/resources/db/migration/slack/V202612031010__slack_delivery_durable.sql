-- an acknowledged delivery is kept until its work is done, so that another instance can
-- run it again when the one that took it dies (Slack does not retry what was acknowledged)
alter table slack_delivery
    add column body        text,
    add column status      text        not null default 'DONE',
    add column claimed_by  text,
    add column lease_until timestamptz,
    add column attempts    integer     not null default 0,
    add column done_at     timestamptz;
create index slack_delivery_unfinished on slack_delivery (lease_until) where status = 'RECEIVED';
