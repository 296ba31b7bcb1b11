-- what a micro-survey invitation is about, in words its person recognises (a deal's reference and customer)
alter table survey_invitation add column about text;
-- the quiet period looks up a person's latest invitation
create index survey_invitation_person on survey_invitation (slack_user_id, invited_at);

-- the rounds a campaign went out in, also those that reached no one yet: people who become known later are
-- invited to the latest, and a new round waits some minutes after the last
create table survey_round (
    survey_id uuid        not null references survey (id),
    round     int         not null,
    sent_at   timestamptz not null,
    sent_by   text,
    primary key (survey_id, round)
);
insert into survey_round (survey_id, round, sent_at)
select survey_id, round, min(invited_at) from survey_invitation where round > 0 group by survey_id, round;
