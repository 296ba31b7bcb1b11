-- which of a lane's waiting messages goes first: the highest priority (2 urgent, 1 normal, 0 low),
-- then the oldest; a burst of routine alerts no longer holds up a hand-off
alter table slack_outbox add column priority smallint not null default 1;
create index slack_outbox_lane_priority on slack_outbox (lane, priority, id) where status = 'PENDING';
