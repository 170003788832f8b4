-- The relay was down or refused: try again at :next, or give up (state failed) once the pauses ran out.
UPDATE delivery SET state = :state, attempts = attempts + 1, last_error = :error, next_attempt_at = :next
WHERE id = :id
