-- `deliver` sends a bulletin's pending mails now, without waiting for their next pause to end. Without --resend
-- (:failedToo) it tries its failed ones once more too: given up after 6 hours, they are what an operator who runs
-- `deliver` after mending the relay or the address wants sent, and --resend would mail everyone who had it again.
UPDATE delivery SET next_attempt_at = :now, state = 'pending'
WHERE (state = 'pending' OR (:failedToo AND state = 'failed'))
  AND product = :product AND date_from = :from AND date_to = :to
