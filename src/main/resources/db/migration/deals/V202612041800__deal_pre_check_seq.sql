-- each partner's pre-checks numbered 1, 2, 3... in the order they were made (and their times never
-- go back within a partner), so whether a partner has had its share of the last hour is one look-up
-- (is its check of number last - share + 1 within the hour?) instead of a count of the hour's rows;
-- the unique index also refuses two checks of one partner taking the same number at once
alter table deal_pre_check add column seq bigint;

update deal_pre_check p set seq = o.seq
from (select id, row_number() over (partition by partner_id order by at, id) as seq from deal_pre_check) o
where o.id = p.id;

alter table deal_pre_check alter column seq set not null;

create unique index deal_pre_check_partner_seq on deal_pre_check (partner_id, seq);

-- only the count of the hour's checks read it
drop index deal_pre_check_partner;
