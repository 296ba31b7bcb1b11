-- Finding the live registrations whose names are alike by trigrams (similarity at or above the
-- threshold) without reading the trigram index's long posting lists: prefix filtering. Order every
-- trigram the same way, rarest first; of a name of n trigrams keep the first
-- n - ceil(t * n) + 1, its prefix at similarity t. Two names at least t alike share at least
-- ceil(t * n) of each one's trigrams, so their prefixes at t share one (a prefix at a lower t is
-- longer and shares one all the more). A registration keeps its prefix at 0.5; a check looks up
-- the registrations whose prefix shares a trigram with its own prefix at the threshold in force
-- (a short list of rare trigrams), then keeps those alike enough by similarity(). The order is
-- fixed here, so stored prefixes never go stale; it only decides how short the lists are: a
-- trigram is rarer the rarer its letters are in names, word boundaries the commonest of all.

create function deal_trigram_weight(trigram text) returns numeric
    language sql immutable strict parallel safe
return (select sum(case c
        when ' ' then 15 when 'e' then 12.7 when 't' then 9.1 when 'a' then 8.2 when 'o' then 7.5
        when 'i' then 7.0 when 'n' then 6.7 when 's' then 6.3 when 'h' then 6.1 when 'r' then 6.0
        when 'd' then 4.3 when 'l' then 4.0 when 'c' then 2.8 when 'u' then 2.8 when 'm' then 2.4
        when 'w' then 2.4 when 'f' then 2.2 when 'g' then 2.0 when 'y' then 2.0 when 'p' then 1.9
        when 'b' then 1.5 when 'v' then 1.0 when 'k' then 0.8 when 'j' then 0.15 when 'x' then 0.15
        when 'q' then 0.1 when 'z' then 0.07 else 0.5 end)
    from string_to_table(trigram, null) c);

-- the trigrams are pg_trgm's own (show_trgm), those similarity() compares
create function deal_name_prefix(name_key text, similarity numeric) returns text[]
    language sql immutable strict parallel safe
return array(select t from unnest(show_trgm(name_key)) t order by deal_trigram_weight(t), t
    limit cardinality(show_trgm(name_key)) - ceil(similarity * cardinality(show_trgm(name_key)))::integer + 1);

alter table deal_registration
    add column customer_name_prefix text[] generated always as (deal_name_prefix(customer_name_key, 0.5)) stored;

create index deal_registration_name_prefix on deal_registration using gin (customer_name_prefix)
    where status in ('PENDING', 'CONFLICT', 'APPROVED', 'CO_SELL');
