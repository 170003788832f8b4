-- Fills fact_refund: one case in 40 gets its money back, 10 to 60 days after it was reported.
INSERT INTO fact_refund (refund_id, case_id, amount, refunded_at, business_day, drop_date, line)
SELECT 'BR' || lpad(r::text, 8, '0'),
       'BC' || lpad(c::text, 9, '0'),
       round(greatest(exp(ln(20000) + 1.2 * bench.normal(r, 21)), 1)::numeric, 2),
       refunded_at,
       (refunded_at AT TIME ZONE 'Asia/Shanghai')::date,
       (refunded_at AT TIME ZONE 'Asia/Shanghai')::date,
       (r % 1000000)::int
FROM (
    SELECT r, c, bench.case_at(c, :cases, :days, CAST(:first AS date))
                 + (10 + bench.u(r, 22) * 50) * interval '1 day' AS refunded_at
    FROM (SELECT r, least(:cases, 1 + (r - 1) * 40 + (hashint8extended(r, 20) & 31)) AS c
          FROM generate_series(1, greatest(:cases / 40, 1)) AS r) picked
) timed
