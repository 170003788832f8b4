-- A pending mail a later revision of its bulletin to the same recipient superseded: not sent (V36).
UPDATE delivery SET state = 'superseded', last_error = :why
WHERE id = :id
