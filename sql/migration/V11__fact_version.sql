-- A counter per fact table that every committed change to that table moves on, whoever makes it: the
-- loader, the benchmark's fill, a statistician's hand correction in psql. A computation that remembers figures
-- across transactions (the bulletins' year-to-date series, metrics/YearToDateFigures.java) records the
-- counters it saw and uses what it remembered only in a snapshot with the very same counters, so a remembered
-- figure is always the figure of the facts being read.
-- Statement-level triggers: one counter update per statement, not per row; one row per table, so two
-- connections filling two tables at once do not wait for each other.
CREATE TABLE fact_version (
    fact    text   PRIMARY KEY,
    version bigint NOT NULL
);

INSERT INTO fact_version (fact, version)
VALUES ('fact_case', 0), ('fact_freeze', 0), ('fact_refund', 0), ('warning_day', 0);

CREATE FUNCTION bump_fact_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE fact_version SET version = version + 1 WHERE fact = TG_TABLE_NAME;
    RETURN NULL;
END
$$;

CREATE TRIGGER fact_case_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON fact_case
    FOR EACH STATEMENT EXECUTE FUNCTION bump_fact_version();
CREATE TRIGGER fact_freeze_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON fact_freeze
    FOR EACH STATEMENT EXECUTE FUNCTION bump_fact_version();
CREATE TRIGGER fact_refund_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON fact_refund
    FOR EACH STATEMENT EXECUTE FUNCTION bump_fact_version();
CREATE TRIGGER warning_day_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON warning_day
    FOR EACH STATEMENT EXECUTE FUNCTION bump_fact_version();
