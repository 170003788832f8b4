-- fact_month and archive_fact_month looked for a month's partition by its bare name. Their search_path ends with
-- pg_temp, so a temporary table a session had named fact_case_2024_06 was taken for the partition: fact_month
-- then created nothing and the month's rows stayed in the default partition (figures right, but the month could
-- neither be archived nor read by its partition). Both now name the partition with its schema, and fact_month
-- names its own temporary table with pg_temp, so neither can meet an object of the caller's choosing.
-- CREATE OR REPLACE keeps the owner and the grants (V20) but not SECURITY DEFINER and SET: they are restated.
CREATE OR REPLACE FUNCTION fact_month(day date) RETURNS date LANGUAGE plpgsql
SECURITY DEFINER SET search_path = "${flyway:defaultSchema}", pg_temp AS $$
DECLARE
    first date := date_trunc('month', day)::date;
    next  date := (date_trunc('month', day) + interval '1 month')::date;
    fact  text;
    part  text;
    moved boolean;
BEGIN
    IF EXISTS (SELECT 1 FROM fact_month_archived a WHERE a.month = first) THEN
        RAISE EXCEPTION 'the facts of % were archived (fact_month_archived): a record of %, late or corrected, '
                        'cannot be loaded until the month is restored', to_char(first, 'YYYY-MM'), day;
    END IF;
    FOREACH fact IN ARRAY ARRAY['fact_case', 'fact_freeze', 'fact_refund', 'fact_warning'] LOOP
        part := fact || to_char(first, '_YYYY_MM');
        CONTINUE WHEN to_regclass(format('%I.%I', '${flyway:defaultSchema}', part)) IS NOT NULL;
        -- two writers creating the same month take turns; the second finds it made
        PERFORM pg_advisory_xact_lock(hashtext('fact_month ' || part));
        CONTINUE WHEN to_regclass(format('%I.%I', '${flyway:defaultSchema}', part)) IS NOT NULL;
        -- rows of the month in the default partition leave it through the parent (so the registers follow),
        -- wait in a temporary table while the month is created, and come back into their own partition
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I.%I WHERE business_day >= $1 AND business_day < $2)',
                       '${flyway:defaultSchema}', fact || '_default') INTO moved USING first, next;
        IF moved THEN
            EXECUTE format('CREATE TEMP TABLE fact_month_moving (LIKE %I.%I) ON COMMIT DROP', '${flyway:defaultSchema}', fact);
            EXECUTE format('WITH gone AS (DELETE FROM %I.%I WHERE business_day >= $1 AND business_day < $2 RETURNING *) '
                           'INSERT INTO pg_temp.fact_month_moving SELECT * FROM gone', '${flyway:defaultSchema}', fact)
                USING first, next;
        END IF;
        EXECUTE format('CREATE TABLE %I.%I PARTITION OF %I.%I FOR VALUES FROM (%L) TO (%L)',
                       '${flyway:defaultSchema}', part, '${flyway:defaultSchema}', fact, first, next);
        IF moved THEN
            EXECUTE format('INSERT INTO %I.%I SELECT * FROM pg_temp.fact_month_moving', '${flyway:defaultSchema}', fact);
            DROP TABLE pg_temp.fact_month_moving;
        END IF;
    END LOOP;
    RETURN first;
END
$$;

CREATE OR REPLACE FUNCTION archive_fact_month(day date) RETURNS date LANGUAGE plpgsql
SET search_path = "${flyway:defaultSchema}", pg_temp AS $$
DECLARE
    first date := date_trunc('month', day)::date;
    fact  text;
    part  text;
BEGIN
    FOREACH fact IN ARRAY ARRAY['fact_case', 'fact_freeze', 'fact_refund', 'fact_warning'] LOOP
        part := fact || to_char(first, '_YYYY_MM');
        IF to_regclass(format('%I.%I', '${flyway:defaultSchema}', part)) IS NULL THEN
            RAISE EXCEPTION 'there is no partition % to archive', part;
        END IF;
        EXECUTE format('ALTER TABLE %I.%I DETACH PARTITION %I.%I',
                       '${flyway:defaultSchema}', fact, '${flyway:defaultSchema}', part);
    END LOOP;
    INSERT INTO fact_month_archived (month) VALUES (first);
    RETURN first;
END
$$;
