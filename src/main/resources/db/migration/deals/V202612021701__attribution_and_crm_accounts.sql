-- attribution: whether the partner sourced the deal or influenced it, and who co-sells it
alter table deal_registration
    add column partner_role     text   not null default 'SOURCED' check (partner_role in ('SOURCED', 'INFLUENCED')),
    add column co_sell_partners uuid[] not null default '{}';

-- direct accounts kept in the CRM carry the CRM's key, so a sync updates or removes them
alter table direct_account add column source_key text;
create unique index direct_account_source_key on direct_account (source_key) where source_key is not null;
