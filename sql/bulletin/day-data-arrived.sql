-- What decides whether a daily bulletin of :day says 数据未到 (bulletin/MissingData): whether a drop dated :day
-- has been loaded (then its data has arrived, whatever it held); whether a later drop has (a history backfilled
-- from month-end drops has one for every day, and a first render then says nothing); and whether the latest
-- published revision of the day said it. A later drop routinely carries a late record of :day, which makes the
-- day stale and re-rendered; that is no sign that the day's own drop came, so a notice once published stays until
-- it does.
SELECT EXISTS (SELECT 1 FROM drop_load WHERE drop_date = :day) AS own_drop,
       EXISTS (SELECT 1 FROM drop_load WHERE drop_date > :day) AS later_drop,
       coalesce((SELECT (figures -> 'notes' -> 'missing') IS NOT NULL
                 FROM bulletin_revision
                 WHERE kind = 'daily' AND date_from = :day
                 ORDER BY revision DESC
                 LIMIT 1), false) AS said_missing
