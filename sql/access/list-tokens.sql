-- The API tokens of every user, newest first (the administrators' page): when made and until when valid; never the hash.
SELECT id, user_name, created_at, expires_at
FROM api_token
ORDER BY created_at DESC, id DESC
