-- every question the bot answered (or could not), for follow-ups, feedback and content owners
create table assistant_question (
    id              uuid primary key,
    conversation_id text        not null,
    partner_id      uuid,
    audience_tier   text,
    asked_by        text        not null,
    question        text        not null,
    answer          text        not null,
    grounded        boolean     not null,
    citations       text        not null default '',
    feedback        smallint    not null default 0,
    feedback_by     text,
    handed_off      boolean     not null default false,
    created_at      timestamptz not null default now()
);
create index assistant_question_conversation on assistant_question (conversation_id, created_at desc);
create index assistant_question_gaps on assistant_question (created_at desc) where grounded = false or feedback < 0;

-- LangChain4j chat memory, per conversation
create table assistant_chat_memory (
    conversation_id text primary key,
    messages        text        not null,
    updated_at      timestamptz not null default now()
);
