-- scheduled jobs that must run on one instance at a time (ShedLock's idea on plain JDBC): an instance
-- runs a job only while it holds the row, and holds it at least until locked_until
create table job_lock (
    name         text        primary key,
    locked_until timestamptz not null,
    locked_at    timestamptz not null,
    locked_by    text        not null
);
