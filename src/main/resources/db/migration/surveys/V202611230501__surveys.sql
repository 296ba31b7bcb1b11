-- PSAT campaigns and micro-surveys, who was invited in which round, and what they answered
create table survey (
    id                    uuid        primary key,
    name                  text        not null,
    kind                  text        not null,
    satisfaction_question text        not null,
    recommend_question    text        not null,
    comment_question      text        not null,
    tiers                 text[]      not null default '{}',
    partner_ids           uuid[]      not null default '{}',
    schedule              text,
    closes_on             date,
    active                boolean     not null default true,
    created_by            text,
    created_at            timestamptz not null default now(),
    last_fired_at         timestamptz
);

create table survey_invitation (
    id            uuid        primary key,
    survey_id     uuid        not null references survey (id),
    round         int         not null,
    -- what a micro-survey is about (deal:<id>, onboarding); '' for a campaign round
    context       text        not null default '',
    partner_id    uuid        not null,
    slack_user_id text        not null,
    invited_at    timestamptz not null default now(),
    closes_on     date,
    reminded_at   timestamptz,
    satisfaction  int         check (satisfaction between 1 and 5),
    recommend     int         check (recommend between 0 and 10),
    comment       text,
    answered_at   timestamptz,
    low_alerted_at timestamptz,
    unique (survey_id, round, context, slack_user_id)
);
create index survey_invitation_partner on survey_invitation (partner_id, answered_at);
create index survey_invitation_open on survey_invitation (invited_at) where answered_at is null and reminded_at is null;

-- the two micro-surveys the program starts with; admins may pause them (active = false)
insert into survey (id, name, kind, satisfaction_question, recommend_question, comment_question)
values ('5a0e0000-0000-4000-8000-000000000001', 'Deal registration experience', 'AFTER_DEAL_DECISION',
        'How satisfied are you with how your deal registration was handled?',
        'How likely are you to recommend our partner program to a peer?',
        'Anything we could have done better?'),
       ('5a0e0000-0000-4000-8000-000000000002', 'Your first 30 days', 'AFTER_ONBOARDING',
        'How satisfied are you with your onboarding into the partner program?',
        'How likely are you to recommend our partner program to a peer?',
        'What would have made your first month easier?');
