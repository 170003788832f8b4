-- Keeps a new API token's SHA-256 (the token itself is printed once and never stored); its id goes into the audit,
-- which names it again beside every request it lets in.
INSERT INTO api_token (user_name, token_hash, created_at, expires_at)
VALUES (:name, :hash, :now, :expires)
RETURNING id
