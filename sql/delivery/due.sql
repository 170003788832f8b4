-- The pending mails whose time has come, oldest first (ids only: each is then claimed on its own).
SELECT id
FROM delivery
WHERE state = 'pending' AND next_attempt_at <= :now
ORDER BY id
