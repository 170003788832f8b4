-- Ends every token of a user still alive (`user enable`): made before the disable, none of them was approved again.
-- Their rows stay as a record of what existed.
UPDATE api_token SET expires_at = :now
WHERE user_name = :name AND expires_at > :now
RETURNING id
