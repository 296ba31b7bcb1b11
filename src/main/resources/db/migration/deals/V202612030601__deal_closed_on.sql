-- the day a registration was won or lost: the program year counts won revenue by it, so a
-- deal won in December that was expected to close in January counts in December's year
alter table deal_registration add column closed_on date;
update deal_registration set closed_on = cast(updated_at as date) where status in ('WON', 'LOST');
