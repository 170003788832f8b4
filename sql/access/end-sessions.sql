-- A user's signed-in sessions, ended at once when the user is disabled (an enable must not bring one back), when
-- their TOTP key is replaced (`user totp`, the administrators'
-- page): the key is replaced because a phone was lost, and that phone's browser may hold a session, which went on
-- with every right of its user (tester), or when their password is set: by someone else, every session (an old one
-- could still revoke the user's tokens), by the user, every other one (:keep, the session that changed it; null for
-- none): a password is changed because it was seen, and a session signed in with it went on (review 31). Spring Session's own rows (V17); the next request with such a cookie finds
-- no session and goes to the sign-in page. One row per live session ended, for the audit log; a session already
-- past its expiry is recorded by the V33 trigger as idle, as it would have been by the cleanup a moment later. The
-- trigger's clock is read at the delete and this one after it, so a session expiring between the two (microseconds)
-- is recorded by neither; a request of the session in flight cannot bring the row back (Spring Session updates it,
-- and an UPDATE of a deleted row changes nothing), though one that adds a session attribute then fails on its key.
DELETE FROM spring_session
WHERE principal_name = :name AND session_id IS DISTINCT FROM CAST(:keep AS text)
RETURNING expiry_time >= (pg_catalog.date_part('epoch', pg_catalog.clock_timestamp()) * 1000)::bigint
          -- a session a newer sign-in replaced has its end recorded already (V42): a password change recorded one
          -- more end for each (r37b: seven rows for three sessions)
          AND NOT EXISTS (SELECT 1 FROM replaced_session r WHERE r.session_id = spring_session.session_id) AS live
