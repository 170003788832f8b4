-- A month's facts can be archived only with the months its freezes and refunds are linked to. A freeze or refund
-- counts with its case (the case's district; the case's minutes to stop and refund case, on the case's day), so
-- the rollups of a day are recomputed by joining the two. Were one side archived and the other not, the next load
-- touching the live side's day would recompute it without the archived side: a live day's stop figures would lose
-- a freeze whose case is archived, and an archived day's figures would be set to zero through a live case whose
-- freeze lies in it (review of 2026-12-02). So archive_fact_months(first, last) archives a range of months at once,
-- and refuses while any freeze or refund links a month of the range to a month that stays; archive_fact_month(day)
-- is that range of one month. Both are the owner's, by hand in psql (V20), not the application's.
CREATE OR REPLACE FUNCTION archive_fact_months(first_day date, last_day date) RETURNS date LANGUAGE plpgsql
SET search_path = "${flyway:defaultSchema}", pg_temp AS $$
DECLARE
    first date := date_trunc('month', first_day)::date;
    last  date := date_trunc('month', last_day)::date;
    month date;
    fact  text;
    part  text;
    link  record;
BEGIN
    IF last < first THEN
        RAISE EXCEPTION 'the last month % is before the first %', to_char(last, 'YYYY-MM'), to_char(first, 'YYYY-MM');
    END IF;
    -- facts of archived months are detached already, so fact_case, fact_freeze and fact_refund hold the months
    -- that stay and the range; a link with one end in the range and the other outside it is a link to a month
    -- that stays
    SELECT linked.kind, linked.own_month, linked.case_month, count(*) OVER () AS links INTO link
    FROM (SELECT 'freeze' AS kind, date_trunc('month', f.business_day)::date AS own_month,
                 date_trunc('month', c.business_day)::date AS case_month
          FROM fact_freeze f JOIN fact_case c ON c.case_id = f.case_id
          UNION ALL
          SELECT 'refund', date_trunc('month', r.business_day)::date, date_trunc('month', c.business_day)::date
          FROM fact_refund r JOIN fact_case c ON c.case_id = r.case_id) linked
    WHERE (linked.own_month BETWEEN first AND last) <> (linked.case_month BETWEEN first AND last)
    ORDER BY linked.own_month, linked.case_month
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'a % of % belongs to a case of % (% such links): archive the months from % to % together, '
                        'with archive_fact_months(first, last)',
            link.kind, to_char(link.own_month, 'YYYY-MM'), to_char(link.case_month, 'YYYY-MM'), link.links,
            to_char(least(first, link.own_month, link.case_month), 'YYYY-MM'),
            to_char(greatest(last, link.own_month, link.case_month), 'YYYY-MM');
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

CREATE OR REPLACE FUNCTION archive_fact_month(day date) RETURNS date LANGUAGE sql
SET search_path = "${flyway:defaultSchema}", pg_temp AS $$
    SELECT archive_fact_months(day, day)
$$;

REVOKE EXECUTE ON FUNCTION archive_fact_months(date, date) FROM PUBLIC;
