-- Every recorded mail of a bulletin, whatever its state: what `deliver --resend` copies and `deliver` looks at, with
-- the state of each recipient's latest copy (one still pending is sent as it is, not copied: review). One recipient
-- per list and address whatever its letter case (record-delivery.sql): two spellings recorded before 2026-12-06 are
-- one mailbox, resent once (review 32c); the spelling and name of its latest copy.
SELECT list_name, (array_agg(recipient_name ORDER BY copy DESC))[1] AS recipient_name,
       (array_agg(recipient_email ORDER BY copy DESC))[1] AS recipient_email, revision, max(copy) AS last_copy,
       max(out_folder) AS out_folder, max(changes) AS changes,
       (array_agg(state ORDER BY copy DESC))[1] AS last_state
FROM delivery
WHERE product = :product AND date_from = :from AND date_to = :to
  AND revision = (SELECT max(revision) FROM delivery WHERE product = :product AND date_from = :from AND date_to = :to)
GROUP BY list_name, lower(recipient_email), revision
ORDER BY list_name, lower(recipient_email)
