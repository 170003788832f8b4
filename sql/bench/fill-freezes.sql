-- Fills fact_freeze with :freezes stop-payment/freeze actions on the :cases cases of fill-cases.sql, set-based.
-- Freeze j goes to a case near position j * cases / freezes (so some cases get none, some several) and takes
-- effect minutes to three days after the case was reported. 87 % are STOP_PAYMENT. Mule accounts are reused:
-- account k is drawn from a window of 5 000 around 0.6 j, so an account recurs across neighbouring cases and
-- days and the distinct counts of a day, a year and three years all differ from plain counts.
-- The account is stored as the loader stores it: a 32-byte digest and a masked form.
WITH actions AS (
    SELECT j,
           least(:cases, 1 + (j - 1) * :cases / :freezes + (hashint8extended(j, 11) & 3)) AS c,
           floor(j * 0.6)::bigint + (hashint8extended(j, 12) & 4095) AS account
    FROM generate_series(1, :freezes) AS j
),
timed AS (
    SELECT j, c, account,
           bench.case_at(c, :cases, :days, CAST(:first AS date))
               + (60 + floor(power(bench.u(j, 13), 3) * 259200)) * interval '1 second' AS effective_at
    FROM actions
)
INSERT INTO fact_freeze (freeze_id, case_id, action, bank, account_hmac, account_masked, amount, effective_at,
                         business_day, drop_date, line)
SELECT 'BF' || lpad(j::text, 9, '0'),
       'BC' || lpad(c::text, 9, '0'),
       CASE WHEN bench.u(j, 14) < .87 THEN 'STOP_PAYMENT' ELSE 'FREEZE' END,
       CASE WHEN bench.u(j, 15) < .1 THEN NULL
            ELSE (ARRAY['中国工商银行', '中国农业银行', '中国银行', '中国建设银行', '交通银行', '招商银行'])
                 [1 + floor(bench.u(j, 16) * 6)::int] END,
       sha256(int8send(account)),
       '6222********' || lpad((account % 10000)::text, 4, '0'),
       round(greatest(least(exp(ln(9000) + 1.3 * bench.normal(j, 17)), 20000000), 1)::numeric, 2),
       effective_at,
       (effective_at AT TIME ZONE 'Asia/Shanghai')::date,
       (effective_at AT TIME ZONE 'Asia/Shanghai')::date,
       (j % 1000000)::int
FROM timed
