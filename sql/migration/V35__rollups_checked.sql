-- How far the rollups have been checked against the facts: every change of figures (a load or a repair, by its
-- number on load_counter, V14/V23) up to through_load had its days checked and found right. The nightly run used to
-- check only the days its own loads changed and the days it rendered: a night that failed on a rollup differing from
-- the facts left that day unchecked for the next night, whose load did not touch it, and which then published its
-- year to date, 环比 base and trend from the wrong rollup, as did the week after (review 29). Now each check takes
-- every day changed since through_load, and moves it only when it finds nothing (sql/metrics/days-changed-since-check.sql).
CREATE TABLE rollups_checked (
    one_row      boolean     PRIMARY KEY DEFAULT true CHECK (one_row),
    through_load bigint      NOT NULL,
    checked_at   timestamptz NOT NULL DEFAULT now()
);

-- The days a check found differing from the facts, until a check finds them right again (after `verify --repair`).
-- A day no load changed since the last check that passed (a fact corrected by hand in psql, found because a night or
-- a week rendered it) is in no load's days: without this table the next check that did not render it passed, and
-- published from it (review 29b). Every check reads these days too (sql/metrics/suspect-days.sql).
CREATE TABLE rollup_suspect_day (
    business_day date        PRIMARY KEY,
    found_at     timestamptz NOT NULL DEFAULT now()
);

-- The changes before this migration: checked only as far as the newest bulletin has seen (a night published it
-- after checking its own loads' days). Later loads are checked by the first night after the upgrade: a home upgraded
-- while a night stood failed on a mismatch of its own load would otherwise trust that load (review 29b).
INSERT INTO rollups_checked (through_load) SELECT coalesce(max(last_load_seen), 0) FROM bulletin_revision;
