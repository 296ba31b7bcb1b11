-- an MDF request being described in a conversation, field by field, until it is submitted
create table mdf_draft (
    conversation_key text primary key,
    partner_id       uuid        not null references partner (id),
    author           text        not null,
    activity         text,
    description      text,
    cost             numeric(18, 2),
    amount           numeric(18, 2),
    starts_on        date,
    ends_on          date,
    attendees        integer,
    updated_at       timestamptz not null default now()
);
