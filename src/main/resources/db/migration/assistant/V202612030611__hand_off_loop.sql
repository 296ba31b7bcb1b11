-- a handed-off question closes its loop: the content owner it went to when the library had no answer, the channel
-- manager who claimed it from the alert (whose thread replies reach the asker), and whether new content answered it
alter table assistant_question
    add column handed_to     text,
    add column claimed_by    text,
    add column alert_ref     text,
    add column answered_by   text,
    add column answered_at   timestamptz,
    add column new_content_answer uuid;
create unique index assistant_question_alert on assistant_question (alert_ref) where alert_ref is not null;
create index assistant_question_unanswered on assistant_question (created_at desc)
    where grounded = false and answered_by is null and new_content_answer is null;
