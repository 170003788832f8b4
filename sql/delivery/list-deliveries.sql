-- The mails of bulletins whose period ends in [:from, :to] (`deliveries`), oldest bulletin first; with :failedOnly
-- only those given up.
SELECT date_from, date_to, product, revision, list_name, recipient_email, state, attempts, sent_at, message_id, last_error
FROM delivery
WHERE date_to BETWEEN :from AND :to AND (NOT :failedOnly OR state = 'failed')
ORDER BY date_to, product, revision, list_name, recipient_email, copy
