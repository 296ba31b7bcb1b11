create extension if not exists pg_trgm;

create table deal_registration (
    id                  uuid primary key,
    reference           text        not null unique,
    partner_id          uuid        not null references partner (id),
    registered_by       text        not null,
    customer_name       text        not null,
    customer_name_key   text        not null,
    customer_domain     text,
    products            text[]      not null,
    amount              numeric(18, 2) not null check (amount > 0),
    currency            text        not null,
    expected_close_date date        not null,
    status              text        not null check (status in ('PENDING', 'CONFLICT', 'APPROVED', 'REJECTED', 'CO_SELL', 'WON', 'LOST', 'EXPIRED')),
    conflict_reasons    text,
    protected_until     date,
    extensions          integer     not null default 0,
    decided_by          text,
    decided_at          timestamptz,
    conversation_key    text,
    reminded_at         timestamptz,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);
create index deal_registration_partner on deal_registration (partner_id, created_at desc);
create index deal_registration_domain on deal_registration (customer_domain) where status in ('PENDING', 'CONFLICT', 'APPROVED', 'CO_SELL');
create index deal_registration_name_key on deal_registration (customer_name_key) where status in ('PENDING', 'CONFLICT', 'APPROVED', 'CO_SELL');
create index deal_registration_name_trgm on deal_registration using gin (customer_name_key gin_trgm_ops)
    where status in ('PENDING', 'CONFLICT', 'APPROVED', 'CO_SELL');
create index deal_registration_expiry on deal_registration (protected_until) where status = 'APPROVED';

-- at most one protected registration per customer and product, whoever registers at the same
-- moment: a pending or approved registration claims each of its products under the customer's
-- domain and under its name; the primary key refuses a second claim
create table deal_claim (
    claim_key  text not null,
    product    text not null,
    deal_id    uuid not null references deal_registration (id),
    primary key (claim_key, product)
);
create index deal_claim_deal on deal_claim (deal_id);

-- named accounts the vendor's direct sales team keeps for itself
create table direct_account (
    id              uuid primary key,
    name            text        not null,
    name_key        text        not null,
    domain          text,
    owner           text,
    created_at      timestamptz not null default now()
);
create unique index direct_account_domain on direct_account (domain) where domain is not null;
create index direct_account_name_trgm on direct_account using gin (name_key gin_trgm_ops);

-- every change to a registration, by whom and why
create table deal_audit (
    id              bigserial primary key,
    deal_id         uuid        not null references deal_registration (id),
    action          text        not null,
    actor           text        not null,
    detail          text,
    at              timestamptz not null default now()
);
create index deal_audit_deal on deal_audit (deal_id, at);

-- a deal being described in a conversation, field by field, until it is submitted
create table deal_draft (
    conversation_key text primary key,
    partner_id       uuid        not null references partner (id),
    author           text        not null,
    fields           text        not null,
    updated_at       timestamptz not null default now()
);
