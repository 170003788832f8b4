-- Claims one pending mail for this process: the row stays locked while the mail is sent and marked, so another
-- node skips it, and a process killed meanwhile drops the lock with its connection, leaving the mail pending.
SELECT id, list_name, recipient_name, recipient_email, product, date_from, date_to, revision, copy, out_folder, changes,
       attempts, message_id, recorded_at
FROM delivery
WHERE id = :id AND state = 'pending'
FOR UPDATE SKIP LOCKED
