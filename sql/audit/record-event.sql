-- Records one event of the audit log; the time is the database's clock at the insert.
INSERT INTO audit_event (user_name, role, client, action, object, result)
VALUES (:user, :role, :client, :action, :object, :result)
