-- Claims one pending mail for this process: the row stays locked while the mail is sent and marked, so another
-- node skips it, and a process killed meanwhile drops the lock with its connection, leaving the mail pending.
-- The figures the mail says are those the revision it carries printed (bulletin_revision.figures), whenever it is
-- sent; the sub-selects lock nothing. A correction says whether this recipient received an earlier revision by
-- mail, and which (last_received): one published first by a rerun (never mailed), added to a list since, or a
-- revision between not sent (superseded, below) went to readers who never saw the figures its changes start from. A later revision recorded for the same recipient of the same list supersedes it
-- (V36): sent after the later ones (the relay down meanwhile), it was the last mail about the bulletin, with old figures.
SELECT id, list_name, recipient_name, recipient_email, product, date_from, date_to, revision, copy, out_folder, changes,
       attempts, message_id, recorded_at,
       (SELECT r.figures::text FROM bulletin_revision r
        WHERE r.kind = CASE WHEN d.product = 'daily' THEN 'daily' ELSE 'range' END
          AND r.date_from = d.date_from AND r.date_to = d.date_to AND r.revision = d.revision) AS figures,
       (SELECT max(e.revision) FROM delivery e
        WHERE lower(e.recipient_email) = lower(d.recipient_email) AND e.product = d.product
          AND e.date_from = d.date_from AND e.date_to = d.date_to AND e.revision < d.revision
          AND e.state = 'sent') AS last_received,
       (SELECT max(l.revision) FROM delivery l
        WHERE lower(l.recipient_email) = lower(d.recipient_email) AND l.product = d.product
          AND l.date_from = d.date_from AND l.date_to = d.date_to AND l.revision > d.revision
          AND l.state IN ('pending', 'sent')) AS superseded_by
FROM delivery d
WHERE id = :id AND state = 'pending'
FOR UPDATE SKIP LOCKED
