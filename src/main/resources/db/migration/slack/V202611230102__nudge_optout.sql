-- people who asked the bot to stop its weekly scorecard tips
create table slack_nudge_optout (
    slack_user_id text primary key,
    opted_out_at  timestamptz not null default now()
);
