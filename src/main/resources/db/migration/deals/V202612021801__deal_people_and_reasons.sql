-- what the rules of engagement ask of a registration besides the deal itself, and the
-- reason a channel manager gave with a decision (a rejection always has one)
alter table deal_registration add column seats integer check (seats > 0);
alter table deal_registration add column customer_contact text;
alter table deal_registration add column sales_rep text;
alter table deal_registration add column decision_note text;
-- a registration split per product: the part that went on to a decision of its own
alter table deal_registration add column split_from uuid references deal_registration (id);
create index deal_registration_waiting on deal_registration (created_at) where status in ('PENDING', 'CONFLICT');
