-- Daily rollups of every metric of metrics.md but the warnings (warning_day, V5), kept per business day and
-- district so that any period's figure reads narrow tables instead of the freeze and refund facts (issue 13).
--
-- Each rollup is defined once, as a view over the facts (<rollup>_from_facts): the loader copies the view's
-- rows for the days a load changed into the table in the load's own transaction (sql/ingest/rollup-*.sql),
-- the backfill below copies all of them, and `fraudstats verify` compares table and view
-- (sql/metrics/verify-rollups.sql). A rollup row is therefore always what its view says of the facts.
--
-- A freeze or refund belongs to the district of the latest version of its case (metrics.md): the views join
-- the case, so pending freezes and refunds (no case yet) are in no rollup, and a case that moves to another
-- district moves its freezes' and refunds' rows. The loader's changed_day names the days of those freezes and
-- refunds (sql/ingest/merge-cases.sql), so their rows are recomputed, not only the case's day.
--
-- The districts are the case's (or warning's) own district_code, configured or not: which districts make the
-- city is decided when a figure is read, as area-figures.sql always did.

-- cases, loss_amount: counts and sums, additive over days and districts. By fraud type for the bulletins'
-- ranking (sql/metrics/fraud-types.sql); a district's figure is the sum of its fraud types.
CREATE VIEW case_day_from_facts AS
SELECT c.business_day, c.district_code, c.fraud_type, count(*) AS cases, sum(c.loss_amount) AS loss_amount
FROM fact_case c
GROUP BY c.business_day, c.district_code, c.fraud_type;

CREATE TABLE case_day (
    business_day  date          NOT NULL,
    district_code text          NOT NULL,
    fraud_type    text          NOT NULL,
    cases         bigint        NOT NULL,
    loss_amount   numeric(18,2) NOT NULL,
    PRIMARY KEY (business_day, district_code, fraud_type)
);

-- stop_amount, freeze_amount: sums of amount per action, additive. A freeze is in a day by its effective_at.
CREATE VIEW action_day_from_facts AS
SELECT f.business_day, c.district_code, f.action, count(*) AS actions, sum(f.amount) AS amount
FROM fact_freeze f
JOIN fact_case c ON c.case_id = f.case_id
GROUP BY f.business_day, c.district_code, f.action;

CREATE TABLE action_day (
    business_day  date          NOT NULL,
    district_code text          NOT NULL,
    action        text          NOT NULL,
    actions       bigint        NOT NULL,
    amount        numeric(18,2) NOT NULL,
    PRIMARY KEY (business_day, district_code, action)
);

-- stop_accounts, freeze_accounts: DISTINCT accounts are not additive (metrics.md), so the rollup keeps the
-- set, not a count: each (day, district, action, account) once. A period's or the city's distinct count is
-- count(DISTINCT account_hmac) over the rows of its days and districts, a narrow table instead of the facts.
CREATE VIEW action_account_day_from_facts AS
SELECT DISTINCT f.business_day, c.district_code, f.action, f.account_hmac
FROM fact_freeze f
JOIN fact_case c ON c.case_id = f.case_id;

CREATE TABLE action_account_day (
    business_day  date  NOT NULL,
    district_code text  NOT NULL,
    action        text  NOT NULL,
    account_hmac  bytea NOT NULL,
    PRIMARY KEY (business_day, district_code, action, account_hmac)
);

-- refund_amount: sum of amount of refunds, additive. A refund is in a day by its refunded_at.
CREATE VIEW refund_day_from_facts AS
SELECT r.business_day, c.district_code, count(*) AS refunds, sum(r.amount) AS amount
FROM fact_refund r
JOIN fact_case c ON c.case_id = r.case_id
GROUP BY r.business_day, c.district_code;

CREATE TABLE refund_day (
    business_day  date          NOT NULL,
    district_code text          NOT NULL,
    refunds       bigint        NOT NULL,
    amount        numeric(18,2) NOT NULL,
    PRIMARY KEY (business_day, district_code)
);

-- refund_cases: DISTINCT case_id with a refund in P, not additive over days: the set of (day, district, case).
CREATE VIEW refund_case_day_from_facts AS
SELECT DISTINCT r.business_day, c.district_code, r.case_id
FROM fact_refund r
JOIN fact_case c ON c.case_id = r.case_id;

CREATE TABLE refund_case_day (
    business_day  date  NOT NULL,
    district_code text  NOT NULL,
    case_id       text  NOT NULL,
    PRIMARY KEY (business_day, district_code, case_id)
);

-- median_minutes_to_stop: one row per case that has at least one STOP_PAYMENT or FREEZE action at any date,
-- on the case's own day and district (a case is in P by reported_at): the exact seconds from reported_at to
-- its earliest action, negative taken as 0. extract(epoch ...) is numeric, so microseconds are kept. Any
-- range's exact median is then one ordered read of these rows. A late freeze changes its case's seconds: the
-- freeze merge puts the case's day into changed_day (sql/ingest/merge-freezes.sql).
-- business_day, district_code and reported_at are grouped on, although case_id alone decides them, so that a
-- condition on the day reaches fact_case's index through the view.
CREATE VIEW case_stop_time_from_facts AS
SELECT c.case_id, c.business_day, c.district_code,
       greatest(extract(epoch FROM min(f.effective_at) - c.reported_at), 0) AS seconds
FROM fact_case c
JOIN fact_freeze f ON f.case_id = c.case_id
GROUP BY c.case_id, c.business_day, c.district_code, c.reported_at;

CREATE TABLE case_stop_time (
    case_id       text    PRIMARY KEY,
    business_day  date    NOT NULL,
    district_code text    NOT NULL,
    seconds       numeric NOT NULL CHECK (seconds >= 0)
);
CREATE INDEX case_stop_time_day ON case_stop_time (business_day, district_code, seconds);

-- The backfill: homes with facts loaded before this migration get the rollups their facts imply.
INSERT INTO case_day SELECT business_day, district_code, fraud_type, cases, loss_amount FROM case_day_from_facts;
INSERT INTO action_day SELECT business_day, district_code, action, actions, amount FROM action_day_from_facts;
INSERT INTO action_account_day SELECT business_day, district_code, action, account_hmac FROM action_account_day_from_facts;
INSERT INTO refund_day SELECT business_day, district_code, refunds, amount FROM refund_day_from_facts;
INSERT INTO refund_case_day SELECT business_day, district_code, case_id FROM refund_case_day_from_facts;
INSERT INTO case_stop_time SELECT case_id, business_day, district_code, seconds FROM case_stop_time_from_facts;

-- warnings, dissuaded_visits: warning_day (V5) gets its definition as a view too, so that the loader and
-- `fraudstats verify` read the one definition (sql/ingest/rollup-warnings.sql). Warnings carry their own district.
CREATE VIEW warning_day_from_facts AS
SELECT w.business_day, w.district_code,
       count(*)                                                                AS warnings,
       count(*) FILTER (WHERE w.channel = 'VISIT' AND w.outcome = 'DISSUADED') AS dissuaded_visits
FROM fact_warning w
GROUP BY w.business_day, w.district_code;
