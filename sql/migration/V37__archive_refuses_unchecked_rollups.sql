-- A month is not archived while its rollups are not known right: archived, its facts are detached, the checks leave it
-- out (there is nothing left to compare its rollups with), and its rollups are all its figures. So it is refused while
--   a day of it is suspect: a rollup check found its rollups differing from its facts (rollup_suspect_day, V35); the
--     checks left it out once archived and the next night published 180.00 where the facts said 220.00 (review 29c);
--   a load or a repair changed a day of it since the last rollup check that passed (rollups_checked, V35): a load
--     that wrote a wrong rollup, archived before the night's check, published a year to date of 3 where the facts said
--     2 (review 29d).
-- archive_fact_months (V32) inserts each month it detached into fact_month_archived; refused there, the whole archive
-- rolls back, partitions included. A `verify` over every day changed since the last check, finding nothing, passes for
-- a check (RollupCheck.passIfItCoversEveryChange), as the night's does.
CREATE FUNCTION refuse_archiving_unchecked_rollups() RETURNS trigger LANGUAGE plpgsql
SET search_path = "${flyway:defaultSchema}", pg_temp AS $$
DECLARE
    found record;
    span  record;
BEGIN
    SELECT min(s.business_day) AS first_day, max(s.business_day) AS last_day, count(*) AS days INTO found
    FROM rollup_suspect_day s
    WHERE s.business_day >= NEW.month AND s.business_day < (NEW.month + interval '1 month');
    IF found.days > 0 THEN
        RAISE EXCEPTION 'the rollups of % day(s) of % (% to %) differ from their facts (a rollup check found them): archived, '
                        'those rollups would be all that is left of the month, wrong; repair them first: fraudstats verify '
                        '--from % --to % --repair',
            found.days, to_char(NEW.month, 'YYYY-MM'), found.first_day, found.last_day, found.first_day, found.last_day;
    END IF;
    SELECT min(c.business_day) AS first_day, max(c.business_day) AS last_day, count(DISTINCT c.business_day) AS days INTO found
    FROM numbered_changed_day c
    WHERE c.load_number > (SELECT through_load FROM rollups_checked)
      AND c.business_day >= NEW.month AND c.business_day < (NEW.month + interval '1 month');
    IF found.days > 0 THEN
        -- what a verify must cover to pass for a check: every day changed since the last one, in live months
        SELECT min(c.business_day) AS first_day, max(c.business_day) AS last_day INTO span
        FROM numbered_changed_day c
        WHERE c.load_number > (SELECT through_load FROM rollups_checked)
          AND NOT EXISTS (SELECT 1 FROM fact_month_archived a WHERE a.month = date_trunc('month', c.business_day)::date);
        RAISE EXCEPTION 'the rollups of % day(s) of % (% to %) were changed by a load or a repair no rollup check has passed '
                        'since: archived, they could never be checked; let the nightly run first, or check every day '
                        'changed since: fraudstats verify --from % --to %',
            found.days, to_char(NEW.month, 'YYYY-MM'), found.first_day, found.last_day, span.first_day, span.last_day;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER archive_refuses_unchecked_rollups BEFORE INSERT ON fact_month_archived
    FOR EACH ROW EXECUTE FUNCTION refuse_archiving_unchecked_rollups();
