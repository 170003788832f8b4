-- Rules 1 and 2 of feeds.md for cases.csv, set-wise for the whole drop:
--  * within the drop, the last line of an id wins (a correction later in the same file);
--  * it replaces the stored version unless that came from a later drop (drop folder date decides);
--  * a replacement identical to what is stored changes no figure (it only records the newer drop as its source).
-- The business day of a case is the date of reported_at in Asia/Shanghai (metrics.md).
-- The days whose figures this changes are recorded for the nightly re-render: the old and new day of every
-- changed case, and the days of its freezes and refunds (they follow the case's district, and pending ones
-- start counting once their case arrives).
-- fact_case is partitioned by month of business_day (V19__fact_partitions.sql): the stored version of an id is
-- found through the key register fact_case_key, in whichever month it is, and a replacement is an UPDATE, which
-- moves the row into the partition of its new day when the correction changed the month. New ids are inserted;
-- the months of both exist already (sql/ingest/create-months.sql ran before the merges).
WITH incoming AS (
    SELECT DISTINCT ON (case_id)
           case_id, reported_at, (reported_at AT TIME ZONE 'Asia/Shanghai')::date AS business_day,
           district_code, station, fraud_type, loss_amount, victim_age, drop_date, line
    FROM stage_cases
    ORDER BY case_id, line DESC
),
stored AS (
    SELECT f.case_id, f.reported_at, f.business_day, f.district_code, f.station, f.fraud_type, f.loss_amount,
           f.victim_age, f.drop_date
    FROM incoming i
    JOIN fact_case_key k ON k.case_id = i.case_id
    JOIN fact_case f ON f.case_id = k.case_id AND f.business_day = k.business_day
),
replaced AS (
    SELECT s.case_id, s.business_day
    FROM stored s JOIN incoming i USING (case_id)
    WHERE s.drop_date <= i.drop_date
      AND (s.reported_at, s.district_code, s.station, s.fraud_type, s.loss_amount, s.victim_age)
          IS DISTINCT FROM (i.reported_at, i.district_code, i.station, i.fraud_type, i.loss_amount, i.victim_age)
),
updated AS (
    UPDATE fact_case AS f
       SET reported_at = i.reported_at, business_day = i.business_day, district_code = i.district_code,
           station = i.station, fraud_type = i.fraud_type, loss_amount = i.loss_amount, victim_age = i.victim_age,
           drop_date = i.drop_date, line = i.line
      FROM stored s JOIN incoming i USING (case_id)
     WHERE f.case_id = s.case_id AND f.business_day = s.business_day AND s.drop_date <= i.drop_date
    RETURNING f.case_id, f.business_day, false AS inserted
),
inserted AS (
    INSERT INTO fact_case (case_id, reported_at, business_day, district_code, station, fraud_type,
                           loss_amount, victim_age, drop_date, line)
    SELECT case_id, reported_at, business_day, district_code, station, fraud_type,
           loss_amount, victim_age, drop_date, line
    FROM incoming i
    WHERE NOT EXISTS (SELECT 1 FROM stored s WHERE s.case_id = i.case_id)
    RETURNING case_id, business_day, true AS inserted
),
changed AS (
    -- new records, and stored ones whose values really changed; a version identical to the stored one
    -- only moves drop_date/line forward, so that no older drop loaded later can overwrite it
    SELECT * FROM inserted
    UNION ALL SELECT u.* FROM updated u WHERE u.case_id IN (SELECT case_id FROM replaced)
),
days AS (
    INSERT INTO changed_day (job_execution_id, business_day)
    SELECT :jobExecutionId, business_day FROM replaced
    UNION SELECT :jobExecutionId, business_day FROM changed
    UNION SELECT :jobExecutionId, z.business_day FROM fact_freeze_key z JOIN changed u USING (case_id)
    UNION SELECT :jobExecutionId, r.business_day FROM fact_refund_key r JOIN changed u USING (case_id)
    ON CONFLICT DO NOTHING
)
SELECT count(*) FROM changed
