-- the outbox only posts; updates of cards go straight to Slack from the click that causes them
alter table slack_outbox drop column update_ts;
