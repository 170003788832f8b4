-- Ends a token now: it expires, and its row stays as a record of what existed.
UPDATE api_token SET expires_at = :now
WHERE id = :id AND expires_at > :now
