-- money a partner may spend between two days: a channel manager's allocation or a quarter's accrual
create table mdf_fund (
    id          uuid primary key,
    partner_id  uuid        not null references partner (id),
    source      text        not null check (source in ('ALLOCATION', 'ACCRUAL')),
    amount      numeric(18, 2) not null check (amount > 0),
    currency    text        not null,
    starts_on   date        not null,
    ends_on     date        not null check (ends_on >= starts_on),
    quarter     text,
    won_revenue numeric(18, 2),
    created_by  text        not null,
    reminded_at timestamptz,
    created_at  timestamptz not null default now()
);
create index mdf_fund_partner on mdf_fund (partner_id, ends_on);
-- a quarter accrues once per partner, however often the job runs
create unique index mdf_fund_accrual on mdf_fund (partner_id, quarter) where source = 'ACCRUAL';

create table mdf_request (
    id               uuid primary key,
    reference        text        not null unique,
    partner_id       uuid        not null references partner (id),
    activity         text        not null,
    description      text,
    cost             numeric(18, 2) not null check (cost > 0),
    amount           numeric(18, 2) not null check (amount > 0),
    approved_amount  numeric(18, 2) check (approved_amount > 0),
    currency         text        not null,
    starts_on        date        not null,
    ends_on          date        not null,
    attendees        integer,
    catering_cost    numeric(18, 2),
    status           text        not null check (status in ('SUBMITTED', 'APPROVED', 'REJECTED', 'CLAIMED', 'PAID', 'EXPIRED')),
    requested_by     text        not null,
    conversation_key text,
    decided_by       text,
    reason           text,
    claim_reminded_at timestamptz,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);
create index mdf_request_partner on mdf_request (partner_id, created_at desc);
create index mdf_request_open on mdf_request (ends_on) where status = 'APPROVED';

-- what an approved request holds of each fund, drawn soonest-to-expire first
create table mdf_draw (
    request_id uuid not null references mdf_request (id),
    fund_id    uuid not null references mdf_fund (id),
    amount     numeric(18, 2) not null check (amount >= 0),
    primary key (request_id, fund_id)
);
create index mdf_draw_fund on mdf_draw (fund_id);

create table mdf_claim (
    id           uuid primary key,
    request_id   uuid        not null references mdf_request (id),
    amount       numeric(18, 2) not null check (amount > 0),
    actual_cost  numeric(18, 2),
    attendees    integer,
    leads        integer,
    proof_names  text[]      not null default '{}',
    proof_urls   text[]      not null default '{}',
    status       text        not null check (status in ('SUBMITTED', 'MORE_INFO', 'APPROVED', 'REJECTED', 'PAID')),
    submitted_by text        not null,
    decided_by   text,
    reason       text,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now()
);
create index mdf_claim_request on mdf_claim (request_id, created_at desc);

-- registrations an activity brought in: its return is their won revenue
create table mdf_request_deal (
    request_id uuid not null references mdf_request (id),
    deal_id    uuid not null,
    primary key (request_id, deal_id)
);

-- every change to funds, requests and claims, by whom and why
create table mdf_audit (
    id         bigserial primary key,
    partner_id uuid        not null,
    subject_id uuid        not null,
    action     text        not null,
    actor      text        not null,
    detail     text,
    at         timestamptz not null default now()
);
create index mdf_audit_subject on mdf_audit (subject_id, at);

-- notes sent once (the monthly unspent-funds note)
create table mdf_notice (
    kind text not null,
    key  text not null,
    at   timestamptz not null default now(),
    primary key (kind, key)
);
