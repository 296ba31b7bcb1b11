-- a named account of the direct sales team keeps partners out (registrations of it are
-- rejected); an open opportunity of the direct team only sends them to a channel manager
alter table direct_account add column named boolean not null default true;
update direct_account set named = false
where source_key like 'salesforce:Opportunity:%' or source_key like 'hubspot:deal:%';
