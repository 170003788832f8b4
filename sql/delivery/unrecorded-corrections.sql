-- Corrections published and never recorded for mail: a revision after the first whose bulletin was mailed before
-- (an earlier revision has delivery rows) and which has none of its own. A process publishes its revisions, each
-- committed as it is rendered, and records their mails after the last (the nightly after D's own bulletin, a
-- rerun after its days); killed in between, it left published corrections that leadership never received, and
-- the night run again found those days no longer stale. Every mail pass records them first (Deliveries.sendDue),
-- to the recipients of the revision before, with the files where that revision's mail found its own.
SELECT r.kind, r.date_from, r.date_to, r.revision, r.changes::text AS changes, earlier.out_folder
FROM bulletin_revision r
JOIN LATERAL (
    SELECT d.out_folder
    FROM delivery d
    WHERE d.date_from = r.date_from AND d.date_to = r.date_to AND (d.product = 'daily') = (r.kind = 'daily')
      AND d.revision < r.revision
    ORDER BY d.revision DESC, d.recorded_at DESC
    LIMIT 1
) earlier ON true
WHERE r.revision > 1
  AND NOT EXISTS (SELECT 1
                  FROM delivery d
                  WHERE d.date_from = r.date_from AND d.date_to = r.date_to AND (d.product = 'daily') = (r.kind = 'daily')
                    AND d.revision = r.revision)
ORDER BY r.date_from, r.date_to, r.kind, r.revision
