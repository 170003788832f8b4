-- The same password hashed again as typed (SignIn: one set on the portal before 2026-12-06 holding a character outside
-- ASCII was hashed as its form had been misread). Not a change of password: its age and its history stay.
UPDATE app_user SET password_hash = :hash
WHERE name = :name
