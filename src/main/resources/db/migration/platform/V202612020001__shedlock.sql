-- ShedLock's table (its documented PostgreSQL layout): a scheduled job runs on the instance that
-- holds its row, until lock_until; it replaces the job_lock table of the hand-written lock
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamptz  not null,
    locked_at  timestamptz  not null,
    locked_by  varchar(255) not null
);

drop table job_lock;
