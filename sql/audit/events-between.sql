-- The audit log between two instants (from inclusive, to exclusive), oldest first, in the order recorded.
SELECT time, user_name, role, client, action, object, result
FROM audit_event
WHERE time >= :from AND time < :to
ORDER BY time, id
