-- which transaction last wrote each registration: every instance keeps the live customer names'
-- trigrams in memory (CustomerNames) and, before each conflict check, reads the rows written by
-- the transactions it may not have seen yet (those at or after the oldest one still running when it
-- last read), whatever wrote them: the application, another instance, or SQL by hand.
-- Rows written before this migration have no transaction here; the start-up load reads them all.
alter table deal_registration add column change_xid xid8;

create function deal_registration_written() returns trigger language plpgsql as $$
begin
    new.change_xid := pg_current_xact_id();
    return new;
end
$$;

create trigger deal_registration_written before insert or update on deal_registration
    for each row execute function deal_registration_written();

create index deal_registration_change_xid on deal_registration (change_xid) where change_xid is not null;
