-- the vendor's channel manager who looks after a partner (a Slack user id of the vendor's workspace)
alter table partner add column channel_manager text;
