-- Corrections published and never recorded for mail: a revision after the first whose bulletin was mailed before
-- (an earlier revision has delivery rows, failed ones too: their recipients were meant to have it, as
-- earlier-recipients.sql says; review 32c) and which has none of its own. A process publishes its
-- revisions, each committed as it is rendered, and records their mails after the last (the nightly after D's own
-- bulletin, a rerun after its days); killed in between, it left published corrections that leadership never
-- received, and the night run again found those days no longer stale. Every mail pass records them first
-- (Deliveries), to the recipients of the revision before, with the files where the revision's process wrote them
-- (V26; for a revision rendered before that column, where the mail of the revision before found its own).
-- Only revisions of the last 7 days: what a killed process left is found by the next pass, within minutes under
-- serve or at the next night, and an upgrade does not mail months-old revisions of failed reruns all at once.
SELECT r.kind, r.date_from, r.date_to, r.revision, r.changes::text AS changes,
       coalesce(r.out_folder, earlier.out_folder) AS out_folder
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
  AND r.generated_at > :now - interval '7 days'
  AND NOT EXISTS (SELECT 1
                  FROM delivery d
                  WHERE d.date_from = r.date_from AND d.date_to = r.date_to AND (d.product = 'daily') = (r.kind = 'daily')
                    AND d.revision = r.revision)
ORDER BY r.date_from, r.date_to, r.kind, r.revision
