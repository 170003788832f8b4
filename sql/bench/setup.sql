-- The benchmark's own objects (fraudstats bench), in a schema of their own beside the application's tables of the
-- throwaway server it runs on: the bare typed tables the COPY baseline loads, and the pseudo-random helpers the
-- set-based fill draws from. Read only by org.fraudstats.bench, once per run, on a server started for the run.
CREATE SCHEMA IF NOT EXISTS bench;

-- The physical limit of loading: the same CSV columns, typed as the facts, no key, no index, no check.
-- remark, source_system and operator are the extra columns some exports carry.
CREATE TABLE IF NOT EXISTS bench.bare_cases (
    case_id text, reported_at timestamptz, district_code text, station text, fraud_type text,
    loss_amount numeric(18,2), victim_age smallint, remark text, source_system text, operator text
);
CREATE TABLE IF NOT EXISTS bench.bare_freezes (
    freeze_id text, case_id text, action text, bank text, account_no text, amount numeric(18,2),
    effective_at timestamptz, remark text, source_system text, operator text
);
CREATE TABLE IF NOT EXISTS bench.bare_refunds (
    refund_id text, case_id text, amount numeric(18,2), refunded_at timestamptz,
    remark text, source_system text, operator text
);
CREATE TABLE IF NOT EXISTS bench.bare_warnings (
    warning_id text, issued_at timestamptz, district_code text, channel text, outcome text,
    remark text, source_system text, operator text
);

-- A deterministic uniform draw in (0, 1) for row i and purpose salt.
CREATE OR REPLACE FUNCTION bench.u(i bigint, salt bigint) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT ((hashint8extended(i, salt) & 16777215) + 0.5) / 16777216.0 $$;

-- A standard normal draw (Box-Muller) for row i and purpose salt.
CREATE OR REPLACE FUNCTION bench.normal(i bigint, salt bigint) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT sqrt(-2 * ln(bench.u(i, salt))) * cos(2 * pi() * bench.u(i, salt + 1000)) $$;

-- Case i of n spread evenly over `days` days from `first`: its day offset and its reported_at (Asia/Shanghai).
CREATE OR REPLACE FUNCTION bench.case_day(i bigint, n bigint, days integer) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT ((i - 1) * days / n)::integer $$;
CREATE OR REPLACE FUNCTION bench.case_at(i bigint, n bigint, days integer, first date) RETURNS timestamptz
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT ((first + bench.case_day(i, n, days))::timestamp
                  + floor(bench.u(i, 1) * 86400) * interval '1 second') AT TIME ZONE 'Asia/Shanghai' $$;
