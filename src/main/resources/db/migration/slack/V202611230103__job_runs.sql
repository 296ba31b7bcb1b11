-- a scheduled job's run for one period (e.g. the weekly tips of 2026-W48): the first instance to
-- record it does the work, the others skip it
create table slack_job_run (
    job        text        not null,
    period     text        not null,
    started_at timestamptz not null default now(),
    primary key (job, period)
);
