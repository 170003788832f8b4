-- Keeps a new API token's SHA-256 (the token itself is printed once and never stored).
INSERT INTO api_token (user_name, token_hash, created_at, expires_at)
VALUES (:name, :hash, :now, :expires)
