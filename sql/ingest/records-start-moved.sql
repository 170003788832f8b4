-- The days between the first day of the records before this load (:before) and after it (:after), when a
-- deployment sets no fraudstats.records-start and the first day is the first one loaded (bulletin/FirstDayLoaded):
-- a record dated before it moved it back, or the only such record moved away. Each of those days turned from a
-- day before the records into a day of them (or back), and every bulletin whose bases reach one computes its changes
-- otherwise (bulletin/BaseGaps: a 去年同期 beginning before the first record computes no 今年以来同比). Recorded as this
-- load's changed days, so that the rule of stale-bulletins.sql, the dry run's outlook and read_days_changed see
-- them: a stray case of 2020-12-31 made ten 今年以来同比 cells of every 2022 daily appear at the next rerun, while
-- each bulletin was said unchanged and the dry run foresaw nothing (r38d). Their records did not change, so their
-- rollups are not recomputed, and they are marked so (V43): a revision's 更正原因 says the first day moved, not that
-- their data was updated; a day this load truly changed keeps its row as the merge wrote it. Days of an archived
-- month are left out, as leave-archived-days.sql leaves them.
INSERT INTO changed_day (job_execution_id, business_day, records_start_moved)
SELECT :jobExecutionId, CAST(d AS date), true
FROM generate_series(CAST(least(CAST(:before AS date), CAST(:after AS date)) AS timestamp),
                     CAST(greatest(CAST(:before AS date), CAST(:after AS date)) - 1 AS timestamp), interval '1 day') d
WHERE NOT EXISTS (SELECT 1 FROM fact_month_archived a WHERE a.month = date_trunc('month', d)::date)
ON CONFLICT DO NOTHING
