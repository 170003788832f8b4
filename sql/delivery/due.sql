-- The pending mails whose time has come, longest due first (ids only: each is then claimed on its own). A pass
-- ends at the first relay timeout, so by id the same first mails would be tried pass after pass on a hung relay
-- and the later ones never; by the time each was due, every mail takes its turn.
SELECT id
FROM delivery
WHERE state = 'pending' AND next_attempt_at <= :now
ORDER BY next_attempt_at, id
