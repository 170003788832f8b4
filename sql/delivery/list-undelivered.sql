-- The mails of bulletins whose period ends in [:from, :to] not delivered: given up (failed), or still retried after the
-- relay refused them or did not answer (pending with an error). The runs page said "no undelivered mails" while every
-- mail of the night was being refused, for the 6 hours before they failed (tester mail32).
SELECT date_from, date_to, product, revision, list_name, recipient_email, state, attempts, sent_at, message_id, last_error
FROM delivery
WHERE date_to BETWEEN :from AND :to
  AND (state = 'failed' OR (state = 'pending' AND last_error IS NOT NULL))
ORDER BY date_to DESC, product, revision, list_name, recipient_email, copy
