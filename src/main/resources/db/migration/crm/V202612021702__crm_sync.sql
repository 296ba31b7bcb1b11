-- registrations waiting to be written to the CRM: one row per registration and CRM, stored in
-- the transaction that changed the registration; a newer change bumps the version, so a write of
-- an older state never clears a newer one
create table crm_outbox (
    crm             text        not null,
    deal_id         uuid        not null,
    reason          text        not null,
    version         bigint      not null default 1,
    attempts        integer     not null default 0,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'FAILED')),
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    enqueued_at     timestamptz not null default now(),
    primary key (crm, deal_id)
);
create index crm_outbox_due on crm_outbox (crm, next_attempt_at) where status = 'PENDING';

-- the CRM record each registration was written to
create table crm_record (
    crm         text        not null,
    deal_id     uuid        not null,
    crm_id      text        not null,
    company_id  text,
    writes      integer     not null default 1,
    synced_at   timestamptz not null default now(),
    primary key (crm, deal_id)
);

-- companies found or created in the CRM, by domain, so each is looked up once
create table crm_company (
    crm         text        not null,
    domain      text        not null,
    company_id  text        not null,
    primary key (crm, domain)
);

-- where each direction of the sync stands
create table crm_sync_state (
    crm             text        not null,
    direction       text        not null check (direction in ('OUT', 'IN')),
    last_success_at timestamptz,
    watermark       timestamptz,
    primary key (crm, direction)
);

-- the latest errors, for the status and /partner crm
create table crm_error (
    id          bigserial   primary key,
    crm         text        not null,
    at          timestamptz not null default now(),
    message     text        not null
);
create index crm_error_recent on crm_error (crm, id desc);
