-- The API tokens of every user, newest first (the administrators' page): when made, until when valid and when last
-- used (to the minute); never the hash.
SELECT id, user_name, created_at, expires_at, last_used_at
FROM api_token
ORDER BY created_at DESC, id DESC
