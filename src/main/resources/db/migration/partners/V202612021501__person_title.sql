-- a person's job title from their Slack profile, so what is recommended to them fits their role
alter table partner_person add column title text;
