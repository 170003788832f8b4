-- Keeps a new API token's SHA-256 (the token itself is printed once and never stored); its id goes into the audit,
-- which names it again beside every request it lets in.
-- It keeps its user's role as the statement reads it: it serves only while the user has that role (V45).
INSERT INTO api_token (user_name, token_hash, created_at, expires_at, role)
SELECT :name, :hash, :now, :expires, u.role FROM app_user u WHERE u.name = :name
RETURNING id
