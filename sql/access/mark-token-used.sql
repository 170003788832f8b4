-- When a token was last used, for the administrators' page (a token nobody uses any more should be revoked).
-- Written at most once a minute per token: a script polling the API should not turn every read into a write.
UPDATE api_token
SET last_used_at = :now
WHERE token_hash = :hash
  AND (last_used_at IS NULL OR last_used_at < :now - interval '1 minute')
