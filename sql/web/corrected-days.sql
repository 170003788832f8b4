-- The dailies of [:from, :to] corrected after a headline of that period could first be quoted, whose correction moved
-- a figure the headline quotes (:area, a district or the city; :metrics, the metric keys of its topic): a press
-- officer's 12月以来 went from 1472宗 to 1473宗 after the 31st's correction, and nothing said so (2026-12-06).
-- The period could first be quoted when the first daily dated :to or later was published (web/portal/
-- PublishedHeadline); a correction published before that moved nothing anyone had quoted. Each day's latest revision
-- is compared with every earlier one a headline could have quoted: the one current then and each one published after
-- (a correction back to an earlier figure moved the one quoted in between; review), never one that said 数据未到, which
-- no headline quoted. A figure one side did not keep did not move (`<>` of a null is no change, as
-- bulletin/data/FigureSnapshot compares). The latest published first. The same rule as sql/web/quoted-figures-moved.sql.
WITH quotable AS (
    SELECT min(r.generated_at) AS since
    FROM bulletin_revision r
    WHERE r.kind = 'daily' AND r.date_from >= :to
),
latest AS (
    SELECT DISTINCT ON (r.date_from) r.date_from, r.revision, r.figures, r.generated_at
    FROM bulletin_revision r
    WHERE r.kind = 'daily' AND r.date_from BETWEEN :from AND :to
    ORDER BY r.date_from, r.revision DESC
),
earlier AS (
    SELECT e.date_from, e.revision, e.generated_at, e.figures, e.figures -> 'notes' -> 'missing' IS NOT NULL AS missing,
           -- the revision current when the period could first be quoted, in one pass (a subquery per row grew with the
           -- square of a year's revisions; review)
           max(e.revision) FILTER (WHERE e.generated_at <= s.since) OVER (PARTITION BY e.date_from) AS current_then,
           s.since
    FROM bulletin_revision e
    JOIN latest l ON e.kind = 'daily' AND e.date_from = l.date_from AND e.revision < l.revision
    CROSS JOIN quotable s
),
quoted AS (
    SELECT e.date_from, e.figures
    FROM earlier e
    WHERE NOT e.missing
      AND (e.generated_at > e.since OR e.revision = e.current_then)
)
SELECT l.date_from AS day
FROM latest l
CROSS JOIN quotable s
WHERE l.revision > 1
  AND l.generated_at > s.since
  AND EXISTS (SELECT 1
              FROM quoted q
              CROSS JOIN unnest(CAST(:metrics AS text[])) AS m(key)
              WHERE q.date_from = l.date_from
                AND (q.figures -> 'areas' -> CAST(:area AS text) ->> m.key)
                    <> (l.figures -> 'areas' -> CAST(:area AS text) ->> m.key))
ORDER BY l.generated_at DESC
