-- the weekly tips go through the outbox (one per person and period) and their job through job_lock;
-- nothing records job runs here any more
drop table slack_job_run;
