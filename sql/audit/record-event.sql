-- Records one event of the audit log; the time is the database's clock at the insert. Through the function of V45,
-- which finds the schema's audit_event whatever temporary table of that name a session has made (r40d).
SELECT record_audit_event(:user, :role, :client, :action, :object, :result)
