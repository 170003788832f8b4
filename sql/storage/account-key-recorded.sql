-- The fingerprint of the key this database's account numbers are hashed with, if a load recorded one yet.
SELECT fingerprint FROM account_key_check
