-- archive_fact_months(first, last) as in V22, with two changes (tester C of 2026-12-05):
--
-- 1. A freeze or refund still pending (its case never arrived: no case_id in the key register fact_case_key) is no
--    link V22 could see, so its month was archived with it. When its case came later, into a live month, the case's
--    minutes to stop counted the archived freeze while the freeze's own day (archived) never counted its account and
--    amount: two figures of one record disagreed, and verify said "as the facts say". Such a month is refused now.
-- 2. A refusal named the next month a link reached, and the range asked with it was refused again one month further,
--    the operator walking to the present month by month. The months linked to the range are now followed to their
--    end, and the refusal names the whole span at once, or says that it runs to the newest month holding facts:
--    with cases stopped after midnight on every month's last day, that is what real feeds give, and no month can be
--    archived while newer facts keep coming (README, "Archiving a month").
CREATE OR REPLACE FUNCTION archive_fact_months(first_day date, last_day date) RETURNS date LANGUAGE plpgsql
SET search_path = "${flyway:defaultSchema}", pg_temp AS $$
DECLARE
    first  date := date_trunc('month', first_day)::date;
    last   date := date_trunc('month', last_day)::date;
    span_first date;
    span_last  date;
    newest date;
    month  date;
    fact   text;
    part   text;
    link   record;
    pending record;
BEGIN
    IF last < first THEN
        RAISE EXCEPTION 'the last month % is before the first %', to_char(last, 'YYYY-MM'), to_char(first, 'YYYY-MM');
    END IF;
    SELECT p.kind, p.id, p.own_month, count(*) OVER () AS rows INTO pending
    FROM (SELECT 'freeze' AS kind, f.freeze_id AS id, date_trunc('month', f.business_day)::date AS own_month
          FROM fact_freeze f
          WHERE f.business_day >= first AND f.business_day < (last + interval '1 month')
            AND NOT EXISTS (SELECT 1 FROM fact_case_key k WHERE k.case_id = f.case_id)
          UNION ALL
          SELECT 'refund', r.refund_id, date_trunc('month', r.business_day)::date
          FROM fact_refund r
          WHERE r.business_day >= first AND r.business_day < (last + interval '1 month')
            AND NOT EXISTS (SELECT 1 FROM fact_case_key k WHERE k.case_id = r.case_id)) p
    ORDER BY p.own_month, p.id
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'the % % of % is pending: its case has not arrived (% such rows in the months asked); archived, it '
                        'would count with its case when the case comes, in a live month, while its own day never would. '
                        'Archive once the cases have come, or only months before %',
            pending.kind, pending.id, to_char(pending.own_month, 'YYYY-MM'), pending.rows, to_char(pending.own_month, 'YYYY-MM');
    END IF;
    -- the span the range's links reach, followed to its end: facts of archived months are detached already, so
    -- fact_case, fact_freeze and fact_refund hold the months that stay and the range
    span_first := first;
    span_last := last;
    LOOP
        SELECT linked.kind, linked.own_month, linked.case_month, count(*) OVER () AS links INTO link
        FROM (SELECT 'freeze' AS kind, date_trunc('month', f.business_day)::date AS own_month,
                     date_trunc('month', c.business_day)::date AS case_month
              FROM fact_freeze f JOIN fact_case c ON c.case_id = f.case_id
              UNION ALL
              SELECT 'refund', date_trunc('month', r.business_day)::date, date_trunc('month', c.business_day)::date
              FROM fact_refund r JOIN fact_case c ON c.case_id = r.case_id) linked
        WHERE (linked.own_month BETWEEN span_first AND span_last) <> (linked.case_month BETWEEN span_first AND span_last)
        ORDER BY linked.own_month, linked.case_month
        LIMIT 1;
        EXIT WHEN NOT FOUND;
        span_first := least(span_first, link.own_month, link.case_month);
        span_last := greatest(span_last, link.own_month, link.case_month);
    END LOOP;
    IF span_first <> first OR span_last <> last THEN
        SELECT max(date_trunc('month', d))::date INTO newest
        FROM (SELECT max(business_day) AS d FROM fact_case
              UNION ALL SELECT max(business_day) FROM fact_freeze
              UNION ALL SELECT max(business_day) FROM fact_refund) m;
        IF span_last >= newest THEN
            RAISE EXCEPTION 'freezes and refunds link the months asked (% to %) to their cases in every month up to %, the '
                            'newest holding facts: a freeze or refund counts with its case, so no month can be archived '
                            'without those it links to, and these run on to the present; the facts are kept',
                to_char(first, 'YYYY-MM'), to_char(last, 'YYYY-MM'), to_char(newest, 'YYYY-MM');
        END IF;
        RAISE EXCEPTION 'freezes and refunds link the months asked (% to %) to their cases in months that stay: archive '
                        'the months from % to % together, with archive_fact_months(DATE ''%'', DATE ''%'')',
            to_char(first, 'YYYY-MM'), to_char(last, 'YYYY-MM'), to_char(span_first, 'YYYY-MM'), to_char(span_last, 'YYYY-MM'),
            span_first, (span_last + interval '1 month' - interval '1 day')::date;
    END IF;
    month := first;
    WHILE month <= last LOOP
        FOREACH fact IN ARRAY ARRAY['fact_case', 'fact_freeze', 'fact_refund', 'fact_warning'] LOOP
            part := fact || to_char(month, '_YYYY_MM');
            IF to_regclass(format('%I.%I', '${flyway:defaultSchema}', part)) IS NULL THEN
                RAISE EXCEPTION 'there is no partition % to archive', part;
            END IF;
            EXECUTE format('ALTER TABLE %I.%I DETACH PARTITION %I.%I',
                           '${flyway:defaultSchema}', fact, '${flyway:defaultSchema}', part);
        END LOOP;
        INSERT INTO fact_month_archived (month) VALUES (month);
        month := (month + interval '1 month')::date;
    END LOOP;
    RETURN first;
END
$$;

REVOKE EXECUTE ON FUNCTION archive_fact_months(date, date) FROM PUBLIC;
