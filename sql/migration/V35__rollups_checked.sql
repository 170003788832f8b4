-- How far the rollups have been checked against the facts: every change of figures (a load or a repair, by its
-- number on load_counter, V14/V23) up to through_load had its days checked and found right. The nightly run used to
-- check only the days its own loads changed and the days it rendered: a night that failed on a rollup differing from
-- the facts left that day unchecked for the next night, whose load did not touch it, and which then published its
-- year to date, 环比 base and trend from the wrong rollup, as did the week after (review 29). Now each check takes
-- every day changed since through_load, and moves it only when it finds nothing: a mismatch is found again by every
-- night and range bulletin until `verify --repair` mends it (sql/metrics/days-changed-since-check.sql).
CREATE TABLE rollups_checked (
    one_row      boolean     PRIMARY KEY DEFAULT true CHECK (one_row),
    through_load bigint      NOT NULL,
    checked_at   timestamptz NOT NULL DEFAULT now()
);

-- The changes before this migration were checked by the nights that made them (each its own loads' days): trusted,
-- so that the first night after an upgrade does not verify the whole history.
INSERT INTO rollups_checked (through_load) SELECT last_load FROM load_counter;
