-- The fact tables partitioned by month of the business day (issue 13 part 4): a ministry's ten years are 120
-- months, and a month is loaded, read and archived (detached, then dropped) on its own partition.
--
-- A partitioned table's primary key must contain its partition key, so each partition only knows the ids of
-- its own month: (id, business_day) is unique, an id alone is not. Yet a record's id must stay unique across
-- months, and a correction that moves a record to another month must find and replace the stored version.
-- So every fact table gets a key register, a plain table id -> business_day (and case_id for freezes and
-- refunds) whose primary key is the id: the global unique key, and the one index the merge probes per incoming
-- record (sql/ingest/merge-*.sql) before reading the one partition that holds the stored version. Measured
-- against probing every partition's id index instead: see the README, "How a deployment grows".
--
-- The registers are kept by statement-level triggers with transition tables on the partitioned tables, so they
-- are right whoever writes the facts (the loader, the bench's fill, a test, a hand correction in psql), one
-- set-wise statement per writing statement, and a duplicate id in another month fails the writing statement.
--
-- A month is created ahead by fact_month() (the loader calls it for the months of its staged rows,
-- sql/ingest/create-months.sql; the bench for its filled range). A DEFAULT partition takes a row written by
-- hand into a month that does not exist yet, so such a write never fails; fact_month() moves those rows into
-- their month when it creates it. In normal operation the default stays empty, so creating a month, which must
-- check the default, reads an empty table.

-- The views over the facts (V16) are bound to the tables they read: they go now and come back unchanged below.
DROP VIEW case_day_from_facts, action_day_from_facts, action_account_day_from_facts, refund_day_from_facts,
          refund_case_day_from_facts, case_stop_time_from_facts, warning_day_from_facts;

ALTER TABLE fact_case RENAME TO fact_case_v18;
ALTER TABLE fact_case_v18 DROP CONSTRAINT fact_case_pkey;
DROP INDEX fact_case_day;
ALTER TABLE fact_freeze RENAME TO fact_freeze_v18;
ALTER TABLE fact_freeze_v18 DROP CONSTRAINT fact_freeze_pkey;
DROP INDEX fact_freeze_day, fact_freeze_case;
ALTER TABLE fact_refund RENAME TO fact_refund_v18;
ALTER TABLE fact_refund_v18 DROP CONSTRAINT fact_refund_pkey;
DROP INDEX fact_refund_day, fact_refund_case;
ALTER TABLE fact_warning RENAME TO fact_warning_v18;
ALTER TABLE fact_warning_v18 DROP CONSTRAINT fact_warning_pkey;
DROP INDEX fact_warning_day;

-- The same columns, checks and indexes as V1__facts.sql; the comments there still hold.
CREATE TABLE fact_case (
    case_id        text          NOT NULL,
    reported_at    timestamptz   NOT NULL,
    business_day   date          NOT NULL,
    district_code  text          NOT NULL,
    station        text,
    fraud_type     text          NOT NULL,
    loss_amount    numeric(18,2) NOT NULL CHECK (loss_amount >= 0),
    victim_age     smallint,
    drop_date      date          NOT NULL,
    line           integer       NOT NULL,
    PRIMARY KEY (case_id, business_day)
) PARTITION BY RANGE (business_day);
CREATE INDEX fact_case_day ON fact_case (business_day, district_code);

CREATE TABLE fact_freeze (
    freeze_id      text          NOT NULL,
    case_id        text          NOT NULL,
    action         text          NOT NULL CHECK (action IN ('STOP_PAYMENT', 'FREEZE')),
    bank           text,
    account_hmac   bytea         NOT NULL,
    account_masked text          NOT NULL,
    amount         numeric(18,2) NOT NULL CHECK (amount > 0),
    effective_at   timestamptz   NOT NULL,
    business_day   date          NOT NULL,
    drop_date      date          NOT NULL,
    line           integer       NOT NULL,
    PRIMARY KEY (freeze_id, business_day)
) PARTITION BY RANGE (business_day);
CREATE INDEX fact_freeze_day ON fact_freeze (business_day);
CREATE INDEX fact_freeze_case ON fact_freeze (case_id);

CREATE TABLE fact_refund (
    refund_id      text          NOT NULL,
    case_id        text          NOT NULL,
    amount         numeric(18,2) NOT NULL CHECK (amount > 0),
    refunded_at    timestamptz   NOT NULL,
    business_day   date          NOT NULL,
    drop_date      date          NOT NULL,
    line           integer       NOT NULL,
    PRIMARY KEY (refund_id, business_day)
) PARTITION BY RANGE (business_day);
CREATE INDEX fact_refund_day ON fact_refund (business_day);
CREATE INDEX fact_refund_case ON fact_refund (case_id);

CREATE TABLE fact_warning (
    warning_id     text          NOT NULL,
    issued_at      timestamptz   NOT NULL,
    business_day   date          NOT NULL,
    district_code  text          NOT NULL,
    channel        text          NOT NULL,
    outcome        text          NOT NULL,
    drop_date      date          NOT NULL,
    line           integer       NOT NULL,
    PRIMARY KEY (warning_id, business_day)
) PARTITION BY RANGE (business_day);
CREATE INDEX fact_warning_day ON fact_warning (business_day, district_code);

CREATE TABLE fact_case_default    PARTITION OF fact_case    DEFAULT;
CREATE TABLE fact_freeze_default  PARTITION OF fact_freeze  DEFAULT;
CREATE TABLE fact_refund_default  PARTITION OF fact_refund  DEFAULT;
CREATE TABLE fact_warning_default PARTITION OF fact_warning DEFAULT;

-- The key registers: which business day (so which month) holds each id. Freezes and refunds keep their case
-- too, indexed, so that "the freezes of these cases" (a case that changed moves their figures) is one index
-- probe per case instead of one per case and month. A freeze or refund is joined to its case by case_id alone,
-- which a partition cannot answer without asking every month: so the case register keeps the case's district
-- and the freeze register its effective_at, and the views below join the registers, one index or one narrow
-- table, as V16's views joined the unpartitioned fact_case (measured on 1M cases in 36 months: the freeze
-- rollups of three days took 440-570 ms joined to the partitioned fact_case, against 90-230 ms before).
CREATE TABLE fact_case_key (
    case_id       text PRIMARY KEY,
    business_day  date NOT NULL,
    district_code text NOT NULL
);
CREATE TABLE fact_freeze_key (
    freeze_id    text        PRIMARY KEY,
    case_id      text        NOT NULL,
    business_day date        NOT NULL,
    effective_at timestamptz NOT NULL
);
CREATE INDEX fact_freeze_key_case ON fact_freeze_key (case_id);
CREATE TABLE fact_refund_key (
    refund_id    text PRIMARY KEY,
    case_id      text NOT NULL,
    business_day date NOT NULL
);
CREATE INDEX fact_refund_key_case ON fact_refund_key (case_id);
CREATE TABLE fact_warning_key (
    warning_id   text PRIMARY KEY,
    business_day date NOT NULL
);

-- Trigger arguments: the register, its id column, and the register's columns as the fact table names them.
CREATE FUNCTION fact_key_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('INSERT INTO %I SELECT %s FROM new_rows', TG_ARGV[0], TG_ARGV[2]);
    RETURN NULL;
END
$$;

-- An update may change an id (by hand) as well as a day: the old ids go, the new rows come, and a new id
-- that another record already has fails the statement.
CREATE FUNCTION fact_key_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('DELETE FROM %1$I k USING old_rows o WHERE k.%2$I = o.%2$I', TG_ARGV[0], TG_ARGV[1]);
    EXECUTE format('INSERT INTO %I SELECT %s FROM new_rows', TG_ARGV[0], TG_ARGV[2]);
    RETURN NULL;
END
$$;

CREATE FUNCTION fact_key_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('DELETE FROM %1$I k USING old_rows o WHERE k.%2$I = o.%2$I', TG_ARGV[0], TG_ARGV[1]);
    RETURN NULL;
END
$$;

CREATE FUNCTION fact_key_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('TRUNCATE %I', TG_ARGV[0]);
    RETURN NULL;
END
$$;

CREATE TRIGGER fact_case_key_insert AFTER INSERT ON fact_case REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION fact_key_insert('fact_case_key', 'case_id', 'case_id, business_day, district_code');
CREATE TRIGGER fact_case_key_update AFTER UPDATE ON fact_case REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION fact_key_update('fact_case_key', 'case_id', 'case_id, business_day, district_code');
CREATE TRIGGER fact_case_key_delete AFTER DELETE ON fact_case REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION fact_key_delete('fact_case_key', 'case_id');
CREATE TRIGGER fact_case_key_truncate AFTER TRUNCATE ON fact_case
    FOR EACH STATEMENT EXECUTE FUNCTION fact_key_truncate('fact_case_key');

CREATE TRIGGER fact_freeze_key_insert AFTER INSERT ON fact_freeze REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION fact_key_insert('fact_freeze_key', 'freeze_id', 'freeze_id, case_id, business_day, effective_at');
CREATE TRIGGER fact_freeze_key_update AFTER UPDATE ON fact_freeze REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION fact_key_update('fact_freeze_key', 'freeze_id', 'freeze_id, case_id, business_day, effective_at');
CREATE TRIGGER fact_freeze_key_delete AFTER DELETE ON fact_freeze REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION fact_key_delete('fact_freeze_key', 'freeze_id');
CREATE TRIGGER fact_freeze_key_truncate AFTER TRUNCATE ON fact_freeze
    FOR EACH STATEMENT EXECUTE FUNCTION fact_key_truncate('fact_freeze_key');

CREATE TRIGGER fact_refund_key_insert AFTER INSERT ON fact_refund REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION fact_key_insert('fact_refund_key', 'refund_id', 'refund_id, case_id, business_day');
CREATE TRIGGER fact_refund_key_update AFTER UPDATE ON fact_refund REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION fact_key_update('fact_refund_key', 'refund_id', 'refund_id, case_id, business_day');
CREATE TRIGGER fact_refund_key_delete AFTER DELETE ON fact_refund REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION fact_key_delete('fact_refund_key', 'refund_id');
CREATE TRIGGER fact_refund_key_truncate AFTER TRUNCATE ON fact_refund
    FOR EACH STATEMENT EXECUTE FUNCTION fact_key_truncate('fact_refund_key');

CREATE TRIGGER fact_warning_key_insert AFTER INSERT ON fact_warning REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION fact_key_insert('fact_warning_key', 'warning_id', 'warning_id, business_day');
CREATE TRIGGER fact_warning_key_update AFTER UPDATE ON fact_warning REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION fact_key_update('fact_warning_key', 'warning_id', 'warning_id, business_day');
CREATE TRIGGER fact_warning_key_delete AFTER DELETE ON fact_warning REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION fact_key_delete('fact_warning_key', 'warning_id');
CREATE TRIGGER fact_warning_key_truncate AFTER TRUNCATE ON fact_warning
    FOR EACH STATEMENT EXECUTE FUNCTION fact_key_truncate('fact_warning_key');

-- V11's change counters, on the new tables (fact_warning has none: its figures are read from warning_day).
CREATE TRIGGER fact_case_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON fact_case
    FOR EACH STATEMENT EXECUTE FUNCTION bump_fact_version();
CREATE TRIGGER fact_freeze_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON fact_freeze
    FOR EACH STATEMENT EXECUTE FUNCTION bump_fact_version();
CREATE TRIGGER fact_refund_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON fact_refund
    FOR EACH STATEMENT EXECUTE FUNCTION bump_fact_version();

-- Months whose facts were archived (archive_fact_month): their partitions are detached, their rollups and
-- published figures stay. Such a month is never created again by a load: a late record or a correction for
-- it fails the load instead of making the month's figures those of the one late record.
CREATE TABLE fact_month_archived (
    month       date        PRIMARY KEY CHECK (month = date_trunc('month', month)::date),
    archived_at timestamptz NOT NULL DEFAULT now()
);

-- Creates the partitions of the month of `day` in the four fact tables, those that do not exist yet (then
-- it takes no lock at all), moving into them any rows of that month the default partitions hold. Returns the
-- month's first day. Partitions are named fact_case_2024_06 and so on.
CREATE FUNCTION fact_month(day date) RETURNS date LANGUAGE plpgsql AS $$
DECLARE
    first date := date_trunc('month', day)::date;
    next  date := (date_trunc('month', day) + interval '1 month')::date;
    fact  text;
    part  text;
    moved boolean;
BEGIN
    IF EXISTS (SELECT 1 FROM fact_month_archived a WHERE a.month = first) THEN
        RAISE EXCEPTION 'the facts of % were archived (fact_month_archived): a record of %, late or corrected, '
                        'cannot be loaded until the month is restored', to_char(first, 'YYYY-MM'), day;
    END IF;
    FOREACH fact IN ARRAY ARRAY['fact_case', 'fact_freeze', 'fact_refund', 'fact_warning'] LOOP
        part := fact || to_char(first, '_YYYY_MM');
        CONTINUE WHEN to_regclass(part) IS NOT NULL;
        -- two writers creating the same month take turns; the second finds it made
        PERFORM pg_advisory_xact_lock(hashtext('fact_month ' || part));
        CONTINUE WHEN to_regclass(part) IS NOT NULL;
        -- rows of the month in the default partition leave it through the parent (so the registers follow),
        -- wait in a temporary table while the month is created, and come back into their own partition
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE business_day >= $1 AND business_day < $2)',
                       fact || '_default') INTO moved USING first, next;
        IF moved THEN
            EXECUTE format('CREATE TEMP TABLE fact_month_moving (LIKE %I) ON COMMIT DROP', fact);
            EXECUTE format('WITH gone AS (DELETE FROM %I WHERE business_day >= $1 AND business_day < $2 RETURNING *) '
                           'INSERT INTO fact_month_moving SELECT * FROM gone', fact) USING first, next;
        END IF;
        EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', part, fact, first, next);
        IF moved THEN
            EXECUTE format('INSERT INTO %I SELECT * FROM fact_month_moving', fact);
            DROP TABLE fact_month_moving;
        END IF;
    END LOOP;
    RETURN first;
END
$$;

-- Every month from the month of `first` to the month of `last`; returns how many months that is.
CREATE FUNCTION fact_months(first date, last date) RETURNS integer LANGUAGE sql AS $$
    SELECT count(fact_month(m::date))::integer
    FROM generate_series(date_trunc('month', first), date_trunc('month', last), interval '1 month') AS m
$$;

-- Archives the month of `day`: its four partitions are detached and stay as plain tables (fact_case_2015_01 …)
-- for pg_dump, then DROP TABLE; the ids stay in the registers, so an id of the month cannot come back as a
-- new record elsewhere. Its rollups and bulletins are not touched (README, "Where data lives").
CREATE FUNCTION archive_fact_month(day date) RETURNS date LANGUAGE plpgsql AS $$
DECLARE
    first date := date_trunc('month', day)::date;
    fact  text;
BEGIN
    FOREACH fact IN ARRAY ARRAY['fact_case', 'fact_freeze', 'fact_refund', 'fact_warning'] LOOP
        IF to_regclass(fact || to_char(first, '_YYYY_MM')) IS NULL THEN
            RAISE EXCEPTION 'there is no partition % to archive', fact || to_char(first, '_YYYY_MM');
        END IF;
        EXECUTE format('ALTER TABLE %I DETACH PARTITION %I', fact, fact || to_char(first, '_YYYY_MM'));
    END LOOP;
    INSERT INTO fact_month_archived (month) VALUES (first);
    RETURN first;
END
$$;

-- The facts of a home made before this migration go into their months, the registers filling as they go.
SELECT count(fact_month(m))
FROM (SELECT business_day AS m FROM fact_case_v18 UNION SELECT business_day FROM fact_freeze_v18
      UNION SELECT business_day FROM fact_refund_v18 UNION SELECT business_day FROM fact_warning_v18) days;
INSERT INTO fact_case SELECT * FROM fact_case_v18;
INSERT INTO fact_freeze SELECT * FROM fact_freeze_v18;
INSERT INTO fact_refund SELECT * FROM fact_refund_v18;
INSERT INTO fact_warning SELECT * FROM fact_warning_v18;
DROP TABLE fact_case_v18, fact_freeze_v18, fact_refund_v18, fact_warning_v18;

-- The views of V16__daily_rollups.sql (their comments there say what each figure is), the same figures: a freeze
-- or refund takes the district of the latest version of its case from fact_case_key, and a case's earliest
-- action is read from fact_freeze_key; both registers are the facts' own columns, kept in the same statement.
CREATE VIEW case_day_from_facts AS
SELECT c.business_day, c.district_code, c.fraud_type, count(*) AS cases, sum(c.loss_amount) AS loss_amount
FROM fact_case c
GROUP BY c.business_day, c.district_code, c.fraud_type;

CREATE VIEW action_day_from_facts AS
SELECT f.business_day, c.district_code, f.action, count(*) AS actions, sum(f.amount) AS amount
FROM fact_freeze f
JOIN fact_case_key c ON c.case_id = f.case_id
GROUP BY f.business_day, c.district_code, f.action;

CREATE VIEW action_account_day_from_facts AS
SELECT DISTINCT f.business_day, c.district_code, f.action, f.account_hmac
FROM fact_freeze f
JOIN fact_case_key c ON c.case_id = f.case_id;

CREATE VIEW refund_day_from_facts AS
SELECT r.business_day, c.district_code, count(*) AS refunds, sum(r.amount) AS amount
FROM fact_refund r
JOIN fact_case_key c ON c.case_id = r.case_id
GROUP BY r.business_day, c.district_code;

CREATE VIEW refund_case_day_from_facts AS
SELECT DISTINCT r.business_day, c.district_code, r.case_id
FROM fact_refund r
JOIN fact_case_key c ON c.case_id = r.case_id;

CREATE VIEW case_stop_time_from_facts AS
SELECT c.case_id, c.business_day, c.district_code,
       greatest(extract(epoch FROM min(f.effective_at) - c.reported_at), 0) AS seconds
FROM fact_case c
JOIN fact_freeze_key f ON f.case_id = c.case_id
GROUP BY c.case_id, c.business_day, c.district_code, c.reported_at;

CREATE VIEW warning_day_from_facts AS
SELECT w.business_day, w.district_code,
       count(*)                                                                AS warnings,
       count(*) FILTER (WHERE w.channel = 'VISIT' AND w.outcome = 'DISSUADED') AS dissuaded_visits
FROM fact_warning w
GROUP BY w.business_day, w.district_code;
