-- Claims one pending mail for this process: the row stays locked while the mail is sent and marked, so another
-- node skips it, and a process killed meanwhile drops the lock with its connection, leaving the mail pending.
-- The figures the mail says are those the revision it carries printed (bulletin_revision.figures), whenever it is
-- sent; the sub-select locks nothing.
SELECT id, list_name, recipient_name, recipient_email, product, date_from, date_to, revision, copy, out_folder, changes,
       attempts, message_id, recorded_at,
       (SELECT r.figures::text FROM bulletin_revision r
        WHERE r.kind = CASE WHEN d.product = 'daily' THEN 'daily' ELSE 'range' END
          AND r.date_from = d.date_from AND r.date_to = d.date_to AND r.revision = d.revision) AS figures
FROM delivery d
WHERE id = :id AND state = 'pending'
FOR UPDATE SKIP LOCKED
