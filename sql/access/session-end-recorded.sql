-- Whether the end of this session was recorded when a newer sign-in of its user replaced it (V42).
SELECT EXISTS (SELECT 1 FROM replaced_session WHERE session_id = :sessionId)
