-- `deliver` sends a bulletin's pending mails now, without waiting for their next pause to end. Without --resend
-- (:failedToo) it tries the failed ones of its latest revision once more too: given up after 6 hours, they are what
-- an operator who runs `deliver` after mending the relay or the address wants sent, and --resend would mail everyone
-- who had it again. A failed mail of an earlier revision stays failed: its correction supersedes it. So does a
-- recipient's copy that a later copy of the same revision followed (`deliver --resend`), whatever became of that one:
-- sent, it is the mail; pending, it goes now; failed, it is the one tried again. Tried too, the older copy mailed the
-- recipient a second time (review: 6 mails to 3 after a resend made while the relay was still down).
UPDATE delivery SET next_attempt_at = :now, state = 'pending'
WHERE product = :product AND date_from = :from AND date_to = :to
  AND (state = 'pending'
       OR (:failedToo AND state = 'failed'
           AND revision = (SELECT max(l.revision) FROM delivery l
                           WHERE l.product = :product AND l.date_from = :from AND l.date_to = :to)
           AND NOT EXISTS (SELECT 1
                           FROM delivery s
                           WHERE s.revision = delivery.revision AND s.copy > delivery.copy
                             AND s.list_name = delivery.list_name AND lower(s.recipient_email) = lower(delivery.recipient_email)
                             AND s.product = delivery.product AND s.date_from = delivery.date_from
                             AND s.date_to = delivery.date_to)))
