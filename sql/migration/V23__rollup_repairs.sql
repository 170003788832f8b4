-- A repair of the rollups (`fraudstats verify --from D --to D --repair`, after a fact was corrected by hand in psql)
-- changes the figures of the days whose rollup rows it rewrites, as a load does. But the record of which days a
-- change touched, and when, was changed_day joined to drop_load's load_number (V1, V14), both keyed by a load's
-- Spring Batch job execution, which a repair does not have; so a repair recorded nothing. The headline's "published
-- only" guard (sql/web/changed-since-bulletin.sql) then quoted repaired figures that no published bulletin carried,
-- and the nightly's stale checks (sql/nightly/stale-*.sql) never re-rendered the published bulletins of the
-- repaired days: they kept the old figures until someone ran `rerun` by hand.
--
-- A repair is now numbered like a load: in the transaction that rewrites the rollups it takes the next number of
-- load_counter (sql/ingest/record-repair.sql, as sql/ingest/record-drop-load.sql does), whose row stays locked
-- until it commits, so numbers follow commit order whoever changes figures, and a bulletin's last_load_seen
-- (load_counter as its snapshot saw it) tells whether its figures include the repair. Loads and repairs share the
-- one sequence of numbers; the two tables never hold the same number, as each comes from one UPDATE of that row.
CREATE TABLE rollup_repair (
    load_number    bigint      PRIMARY KEY,
    date_from      date        NOT NULL,
    date_to        date        NOT NULL,
    repaired_at    timestamptz NOT NULL DEFAULT now(),
    -- the operating-system user at the command line, as the repair's audit row names it
    repaired_by    text        NOT NULL,
    -- rows as `verify` counts them (an account set counts once per day, district and action)
    rows_rewritten bigint      NOT NULL,
    CHECK (date_from <= date_to)
);

-- The days a repair changed: those with a rollup row that differed from the facts when the repair read them, in
-- the snapshot of the repair's own transaction (REPEATABLE READ), which then rewrote exactly those rows. Every
-- other day of the period was rewritten to what it already held, so its figures, and its bulletins, stand.
CREATE TABLE repaired_day (
    load_number  bigint NOT NULL REFERENCES rollup_repair,
    business_day date   NOT NULL,
    PRIMARY KEY (load_number, business_day)
);
CREATE INDEX repaired_day_day ON repaired_day (business_day);

-- Every change of a day's figures with the number it was made under: the days each load changed (changed_day,
-- with its load's number) and the days each repair changed. The readers that ask "changed since a bulletin was
-- rendered" (sql/nightly/stale-days.sql, stale-ranges.sql, sql/web/changed-since-bulletin.sql) read this one
-- source, so that they cannot disagree about what changed. The application's role reads it and writes the two
-- tables like drop_load and changed_day (sql/storage/application-grants.sql, after every migrate).
CREATE VIEW numbered_changed_day AS
SELECT l.load_number, c.business_day
FROM changed_day c
JOIN drop_load l ON l.job_execution_id = c.job_execution_id
UNION ALL
SELECT r.load_number, r.business_day
FROM repaired_day r;
