-- `deliver` sends a bulletin's pending mails now, without waiting for their next pause to end. Without --resend
-- (:failedToo) it tries the failed ones of its latest revision once more too: given up after 6 hours, they are what
-- an operator who runs `deliver` after mending the relay or the address wants sent, and --resend would mail everyone
-- who had it again. A failed mail of an earlier revision stays failed: its correction supersedes it.
UPDATE delivery SET next_attempt_at = :now, state = 'pending'
WHERE product = :product AND date_from = :from AND date_to = :to
  AND (state = 'pending'
       OR (:failedToo AND state = 'failed'
           AND revision = (SELECT max(l.revision) FROM delivery l
                           WHERE l.product = :product AND l.date_from = :from AND l.date_to = :to)))
