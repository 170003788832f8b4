-- The facts: the latest accepted version of every record of the drops (feeds.md).
-- Each row remembers the drop and line it came from, which decides which version wins (rule 1 and 2):
-- a version from a later drop (by folder date) replaces an earlier one; within one drop the later line wins.
-- business_day is the record's date in Asia/Shanghai, computed by the merge (sql/ingest/merge-*.sql).

CREATE TABLE fact_case (
    case_id        text PRIMARY KEY,
    reported_at    timestamptz   NOT NULL,
    business_day   date          NOT NULL,
    district_code  text          NOT NULL,
    station        text,
    fraud_type     text          NOT NULL,
    loss_amount    numeric(18,2) NOT NULL CHECK (loss_amount >= 0),
    victim_age     smallint,
    drop_date      date          NOT NULL,
    line           integer       NOT NULL
);
CREATE INDEX fact_case_day ON fact_case (business_day, district_code);

-- A freeze or refund is kept even when its case is not known yet: such a row is "pending" (rule 4) and
-- counts nowhere, because every metric joins it to its case. No foreign key for the same reason.
-- account_no is never stored in clear (rule 5): account_hmac is HMAC-SHA256 under the deployment's key,
-- account_masked the display form 6222********1234.
CREATE TABLE fact_freeze (
    freeze_id      text PRIMARY KEY,
    case_id        text          NOT NULL,
    action         text          NOT NULL CHECK (action IN ('STOP_PAYMENT', 'FREEZE')),
    bank           text,
    account_hmac   bytea         NOT NULL,
    account_masked text          NOT NULL,
    amount         numeric(18,2) NOT NULL CHECK (amount > 0),
    effective_at   timestamptz   NOT NULL,
    business_day   date          NOT NULL,
    drop_date      date          NOT NULL,
    line           integer       NOT NULL
);
CREATE INDEX fact_freeze_day ON fact_freeze (business_day);
CREATE INDEX fact_freeze_case ON fact_freeze (case_id);

CREATE TABLE fact_refund (
    refund_id      text PRIMARY KEY,
    case_id        text          NOT NULL,
    amount         numeric(18,2) NOT NULL CHECK (amount > 0),
    refunded_at    timestamptz   NOT NULL,
    business_day   date          NOT NULL,
    drop_date      date          NOT NULL,
    line           integer       NOT NULL
);
CREATE INDEX fact_refund_day ON fact_refund (business_day);
CREATE INDEX fact_refund_case ON fact_refund (case_id);

CREATE TABLE fact_warning (
    warning_id     text PRIMARY KEY,
    issued_at      timestamptz   NOT NULL,
    business_day   date          NOT NULL,
    district_code  text          NOT NULL,
    channel        text          NOT NULL,
    outcome        text          NOT NULL,
    drop_date      date          NOT NULL,
    line           integer       NOT NULL
);
CREATE INDEX fact_warning_day ON fact_warning (business_day, district_code);

-- Rows that broke a rule of feeds.md, with where they were and why (rule 3). One row per physical place,
-- so loading a drop again adds no duplicates. Account numbers appear masked in record_values, if at all.
CREATE TABLE reject (
    drop_date      date    NOT NULL,
    file           text    NOT NULL,
    line           integer NOT NULL,
    record_id      text    NOT NULL,
    reason         text    NOT NULL,
    record_values  jsonb,
    PRIMARY KEY (drop_date, file, line)
);

-- One row per drop load that changed the facts: what was loaded, by which job execution.
CREATE TABLE drop_load (
    job_execution_id bigint PRIMARY KEY,
    drop_date        date        NOT NULL,
    checksum         text        NOT NULL,
    loaded_at        timestamptz NOT NULL DEFAULT now(),
    rows_read        bigint      NOT NULL,
    rows_loaded      bigint      NOT NULL,
    rows_rejected    bigint      NOT NULL,
    rows_changed     bigint      NOT NULL
);
CREATE INDEX drop_load_date ON drop_load (drop_date);

-- The business days whose figures a load changed (late records, corrections that move a case,
-- orphans that found their case): the nightly run recomputes and re-renders exactly these.
CREATE TABLE changed_day (
    job_execution_id bigint NOT NULL,
    business_day     date   NOT NULL,
    PRIMARY KEY (job_execution_id, business_day)
);
