-- Account numbers shorter than 16 characters were masked keeping their first and last characters, so a
-- 12-digit account showed 8 of its digits (6222****1234). They now keep their last four (12-15 characters) or
-- last two (8-11) only, as ingest/AccountNumbers.mask does; 16 characters and more keep the contract's form
-- 6222********1234. The mask is never shown, but a copy of the database should not narrow an account down to
-- ten thousand candidates. Masks already in the new form start with '*' and are left alone.
UPDATE fact_freeze
SET account_masked = repeat('*', length(account_masked) - CASE WHEN length(account_masked) >= 12 THEN 4 ELSE 2 END)
                     || right(account_masked, CASE WHEN length(account_masked) >= 12 THEN 4 ELSE 2 END)
WHERE length(account_masked) BETWEEN 8 AND 15
  AND left(account_masked, 1) <> '*';
