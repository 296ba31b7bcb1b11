-- a partner's scorecard looks up the registrations it co-sells
create index deal_registration_co_sell on deal_registration using gin (co_sell_partners);
