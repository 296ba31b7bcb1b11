create table partner (
    id         uuid primary key,
    name       text        not null,
    tier       text        not null check (tier in ('REGISTERED', 'SILVER', 'GOLD', 'PLATINUM')),
    created_at timestamptz not null default now()
);
create unique index partner_name_key on partner (lower(name));

-- a Slack workspace or shared channel belongs to one partner at most
create table partner_slack_team (
    team_id    text primary key,
    partner_id uuid not null references partner (id) on delete cascade
);
create index partner_slack_team_partner on partner_slack_team (partner_id);

create table partner_slack_channel (
    channel_id text primary key,
    partner_id uuid not null references partner (id) on delete cascade
);
create index partner_slack_channel_partner on partner_slack_channel (partner_id);

-- people of a partner the bot has met
create table partner_person (
    partner_id    uuid        not null references partner (id) on delete cascade,
    slack_user_id text        not null,
    team_id       text,
    first_seen    timestamptz not null default now(),
    primary key (partner_id, slack_user_id)
);
