-- The days of [from, to] whose latest daily bulletin says 数据未到 (FigureSnapshot's notes.missing): a headline over
-- a period holding one would quote figures short of that day's data, published but marked as partial. The first
-- such day and how many; none once each of them is revised after its drop came (sql/nightly/stale-days.sql).
SELECT min(r.date_from) AS first_day, count(*) AS days
FROM (SELECT DISTINCT ON (date_from) date_from, figures
      FROM bulletin_revision
      WHERE kind = 'daily' AND date_from BETWEEN :from AND :to
      ORDER BY date_from, revision DESC) r
WHERE (r.figures -> 'notes' -> 'missing') IS NOT NULL
