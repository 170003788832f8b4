-- A session a newer sign-in of its user ended (web/security/ReplacedSessions), its end recorded at that sign-in:
-- its next request and its deletion record nothing more (V42). Marks of sessions gone meanwhile go with it.
WITH gone AS (
    DELETE FROM replaced_session r
    WHERE NOT EXISTS (SELECT 1 FROM spring_session s WHERE s.session_id = r.session_id)
)
INSERT INTO replaced_session (session_id) VALUES (:sessionId)
ON CONFLICT (session_id) DO NOTHING
