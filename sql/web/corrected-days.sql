-- The dailies of [:from, :to] corrected after a headline of that period could first be quoted, whose correction moved
-- a figure the headline quotes (:area, a district or the city; :metrics, the metric keys of its topic): a press
-- officer's 12月以来 went from 1472宗 to 1473宗 after the 31st's correction, and nothing said so (2026-12-06).
-- The period could first be quoted when the first daily dated :to or later was published (web/portal/
-- PublishedHeadline); a correction published before that moved nothing anyone had quoted. Each day's latest revision
-- is compared with the one current then (else its first), never with one that said 数据未到, which no headline
-- quoted. A figure one side did not keep did not move (`<>` of a null is no change, as bulletin/data/FigureSnapshot
-- compares). The latest published first.
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
)
SELECT l.date_from AS day
FROM latest l
CROSS JOIN quotable s
JOIN LATERAL (SELECT q.figures
              FROM bulletin_revision q
              WHERE q.kind = 'daily' AND q.date_from = l.date_from AND q.revision < l.revision
                AND q.figures -> 'notes' -> 'missing' IS NULL
              ORDER BY (q.generated_at <= s.since) DESC,
                       CASE WHEN q.generated_at <= s.since THEN q.revision END DESC NULLS LAST,
                       q.revision
              LIMIT 1) quoted ON true
WHERE l.revision > 1
  AND l.generated_at > s.since
  AND EXISTS (SELECT 1
              FROM unnest(CAST(:metrics AS text[])) AS m(key)
              WHERE (quoted.figures -> 'areas' -> CAST(:area AS text) ->> m.key)
                    <> (l.figures -> 'areas' -> CAST(:area AS text) ->> m.key))
ORDER BY l.generated_at DESC
