-- every conflict pre-check a partner made: counted for the rate limit, kept for the audit trail
create table deal_pre_check (
    id              bigserial primary key,
    partner_id      uuid        not null,
    checked_by      text        not null,
    customer_name   text,
    customer_domain text,
    products        text,
    at              timestamptz not null default now()
);
create index deal_pre_check_partner on deal_pre_check (partner_id, at);
