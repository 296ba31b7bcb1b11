-- each partner's last health reading; a partner turning at risk is alerted once per spell at risk
create table program_health (
    partner_id      uuid        primary key,
    score           int         not null,
    status          text        not null,
    previous_status text,
    changed_at      timestamptz not null,
    at_risk_since   timestamptz,
    evaluated_at    timestamptz not null
);

-- a partner's first-90-days journey, and the steps it has done
create table program_journey (
    partner_id uuid        primary key,
    started_at timestamptz not null
);
create table program_journey_step (
    partner_id uuid        not null references program_journey (partner_id),
    step       text        not null,
    done_at    timestamptz not null,
    primary key (partner_id, step)
);

-- reminders sent on the program's own initiative (a late step, a stalled journey, a weekly digest),
-- by a key that makes each one once
create table program_reminder (
    key     text        primary key,
    sent_at timestamptz not null
);
