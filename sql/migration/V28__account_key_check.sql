-- Which key account numbers are hashed with, by its fingerprint (HMAC-SHA256 of a fixed text under the key; the key
-- itself is never stored here): a load under another key (a home restored without its account.key, another
-- FRAUDSTATS_ACCOUNT_KEY) would count an account already counted once more, so it is refused
-- (org.fraudstats.ingest.AccountKeyCheck). One row, recorded by the first load; on a database loaded before this
-- migration, by the first load after it, under the key it then has.
CREATE TABLE account_key_check
(
  only_row    boolean     PRIMARY KEY DEFAULT true CHECK (only_row),
  fingerprint text        NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
