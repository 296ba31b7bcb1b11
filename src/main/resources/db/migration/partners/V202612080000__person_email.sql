-- a person's e-mail address from their Slack profile: training completions reported by
-- e-mail (CSV imports, the learning platform) are theirs as much as those recorded by Slack id
alter table partner_person add column email text;
