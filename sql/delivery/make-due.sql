-- `deliver` sends a bulletin's pending mails now, without waiting for their next pause to end.
UPDATE delivery SET next_attempt_at = :now
WHERE state = 'pending' AND product = :product AND date_from = :from AND date_to = :to
