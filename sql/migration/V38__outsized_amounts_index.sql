-- Amounts of 10 billion yuan or more, which the loader refuses since 2026-12-06 (an account number in an amount column,
-- review 30) but rows loaded before keep: every bulletin asks whether the days it reads hold one before it renders
-- (sql/metrics/outsized-amounts.sql, RollupCheck.requireNoOutsizedAmounts), where only a hand-run `verify` warned and a
-- rerun of an old period printed a card number as money (review 31b). Partial indexes, empty on a sound database, make
-- that question cheap over any span; on the partitioned roots, so every month has them, those to come too.
CREATE INDEX fact_case_outsized_loss ON fact_case (business_day) WHERE loss_amount >= 10000000000;
CREATE INDEX fact_freeze_outsized_amount ON fact_freeze (business_day) WHERE amount >= 10000000000;
CREATE INDEX fact_refund_outsized_amount ON fact_refund (business_day) WHERE amount >= 10000000000;
