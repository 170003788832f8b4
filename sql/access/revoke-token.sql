-- Ends a token now: it expires, and its row stays as a record of what existed. Whose it was goes into the audit.
UPDATE api_token SET expires_at = :now
WHERE id = :id AND expires_at > :now
RETURNING user_name
