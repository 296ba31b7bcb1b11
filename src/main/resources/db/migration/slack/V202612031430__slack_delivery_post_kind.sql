-- a delivery's messages are numbered per kind (answers and other messages, "thinking"
-- placeholders, private replies, updates): a run again that takes a slightly different
-- path (no placeholder this time, a refusal then an answer) still finds what each kind
-- sent, and a placeholder an earlier run showed is the one its answer replaces
alter table slack_delivery_post add column kind text not null default 'MESSAGE';
alter table slack_delivery_post drop constraint slack_delivery_post_pkey;
alter table slack_delivery_post add primary key (event_id, kind, seq);
