-- A session a newer sign-in of its user ended (web/security/ReplacedSessions), its end recorded at that sign-in:
-- its next request and its deletion record nothing more (V42). Returns the id when this call marked it, the one
-- that records the end (two sign-ins ending one session at once record it once). Marks of sessions gone meanwhile go.
WITH gone AS (
    DELETE FROM replaced_session r
    WHERE NOT EXISTS (SELECT 1 FROM spring_session s WHERE s.session_id = r.session_id)
)
INSERT INTO replaced_session (session_id) VALUES (:sessionId)
ON CONFLICT (session_id) DO NOTHING
RETURNING session_id
