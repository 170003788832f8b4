-- How many mails were given up and not delivered since: nightly warns while there are any. A failed mail sent again
-- (`deliver --resend`, a copy of its own) and accepted, or followed by a revision of its bulletin that reached the
-- same recipient (--resend sends the latest revision), no longer needs anyone; it stays listed by `deliveries --failed`.
SELECT count(*)
FROM delivery f
WHERE f.state = 'failed'
  AND NOT EXISTS (SELECT 1
                  FROM delivery s
                  WHERE s.state = 'sent' AND (s.revision > f.revision OR (s.revision = f.revision AND s.copy > f.copy))
                    AND s.list_name = f.list_name AND lower(s.recipient_email) = lower(f.recipient_email) AND s.product = f.product
                    AND s.date_from = f.date_from AND s.date_to = f.date_to)
