-- a file shared in Slack as proof is kept by its Slack id too: the same file shared twice counts once
alter table mdf_claim add column proof_file_ids text[] not null default '{}';

-- a claim being put together in its request's thread (files, actual cost, attendance, leads) until nothing is missing
create table mdf_claim_draft (
    request_id     uuid primary key references mdf_request (id),
    actual_cost    numeric(18, 2),
    attendees      integer,
    leads          integer,
    proof_file_ids text[]      not null default '{}',
    proof_names    text[]      not null default '{}',
    proof_urls     text[]      not null default '{}',
    updated_by     text        not null,
    updated_at     timestamptz not null default now()
);
