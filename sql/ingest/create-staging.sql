-- Staging for drop loads: temporary tables of the connection, made by its first load and emptied at the end of
-- every transaction that used them (ON COMMIT DELETE ROWS; a rollback takes the rows it wrote anyway), so a load
-- always finds them empty and a failed load leaves nothing behind. Made once rather than per drop: creating and
-- dropping five tables with every drop cost ~5 ms of a city drop's load in catalogue writes. Made together, so
-- one stands for all; asked with to_regclass rather than CREATE … IF NOT EXISTS, because after a CREATE pgjdbc
-- prepares every statement of the connection anew (about 10 ms of parsing and planning per city drop). Values
-- arrive already checked by rule 3 of feeds.md; account numbers arrive already as HMAC and mask, never in clear.
DO $staging$
BEGIN
    IF to_regclass('pg_temp.stage_reject') IS NULL THEN
        CREATE TEMP TABLE stage_cases (
            case_id text, reported_at timestamptz, district_code text, station text, fraud_type text,
            loss_amount numeric(18,2), victim_age smallint, drop_date date, line integer
        ) ON COMMIT DELETE ROWS;
        CREATE TEMP TABLE stage_freezes (
            freeze_id text, case_id text, action text, bank text, account_hmac bytea, account_masked text,
            amount numeric(18,2), effective_at timestamptz, drop_date date, line integer
        ) ON COMMIT DELETE ROWS;
        CREATE TEMP TABLE stage_refunds (
            refund_id text, case_id text, amount numeric(18,2), refunded_at timestamptz, drop_date date, line integer
        ) ON COMMIT DELETE ROWS;
        CREATE TEMP TABLE stage_warnings (
            warning_id text, issued_at timestamptz, district_code text, channel text, outcome text,
            drop_date date, line integer
        ) ON COMMIT DELETE ROWS;
        CREATE TEMP TABLE stage_reject (
            drop_date date, file text, line integer, record_id text, reason text, record_values json
        ) ON COMMIT DELETE ROWS;
    END IF;
END
$staging$
