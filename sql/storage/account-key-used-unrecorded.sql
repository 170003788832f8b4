-- Whether this database holds account numbers hashed, or TOTP keys sealed, under a key it has not recorded: a home
-- loaded before V28 recorded none, and its first check records the key it is given. A key made just now (the home
-- restored or upgraded without its account.key) cannot be that one: taken, every account already counted counted
-- again (r37e: a freeze of an account of October made 440606's freeze_accounts 24 → 25).
SELECT NOT EXISTS (SELECT 1 FROM account_key_check)
   AND (EXISTS (SELECT 1 FROM fact_freeze) OR EXISTS (SELECT 1 FROM app_user WHERE totp_secret IS NOT NULL))
