-- Whether a period's own corrected bulletin moved a figure its headline quotes: its latest revision (:revision)
-- against every earlier one a headline of the period could have quoted, for the headline's area (:area, a district or
-- the city) and the figures of its topic (:metrics, metric keys). The period could first be quoted when the first
-- daily dated :to or later was published; a headline could quote the revision current then and each one published
-- after, never one that said 数据未到 (a headline is refused over a day whose data had not arrived). Compared with the
-- first revision only, a correction back to it (300 → 301 quoted → 300) said nothing, and two revisions published
-- before anyone could quote either said one forever (review). The notice told a district's prevention headline to check
-- figures the correction had not touched (a press officer, 2026-12-06): only the quoted figures count. A figure one side
-- did not keep (a metric or a district added after it was published) did not move: `<>` of a null is no change, as
-- bulletin/data/FigureSnapshot compares them. The same rule as sql/web/corrected-days.sql.
WITH quotable AS (
    SELECT min(r.generated_at) AS since
    FROM bulletin_revision r
    WHERE r.kind = 'daily' AND r.date_from >= :to
),
earlier AS (
    SELECT e.revision, e.generated_at, e.figures, e.figures -> 'notes' -> 'missing' IS NOT NULL AS missing,
           max(e.revision) FILTER (WHERE e.generated_at <= s.since) OVER () AS current_then, s.since
    FROM bulletin_revision e
    CROSS JOIN quotable s
    WHERE e.kind = :kind AND e.date_from = :from AND e.date_to = :to AND e.revision < :revision
),
quoted AS (
    SELECT e.figures
    FROM earlier e
    WHERE NOT e.missing
      AND (e.generated_at > e.since OR e.revision = e.current_then)
)
SELECT EXISTS (
    SELECT 1
    FROM quoted q
    JOIN bulletin_revision latest
      ON latest.kind = :kind AND latest.date_from = :from AND latest.date_to = :to AND latest.revision = :revision
    CROSS JOIN unnest(CAST(:metrics AS text[])) AS m(key)
    WHERE (q.figures -> 'areas' -> CAST(:area AS text) ->> m.key)
          <> (latest.figures -> 'areas' -> CAST(:area AS text) ->> m.key))
