-- A password someone else set (`user add`, `user password`, the administrators' page) must be changed by its user
-- at the next sign-in before anything else (MLPS 2.0 level 3: an initial or reset password is not kept); so must
-- one older than 90 days (UserAccount.PASSWORD_MAX_DAYS, read with password_changed_at by sql/access/find-user.sql).
-- Users made before this version are not asked until their password is 90 days old.
ALTER TABLE app_user ADD COLUMN password_change_required boolean NOT NULL DEFAULT false;
