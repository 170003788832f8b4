-- The relay accepted the mail.
UPDATE delivery SET state = 'sent', attempts = attempts + 1, sent_at = :now, last_error = NULL
WHERE id = :id
