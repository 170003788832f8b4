-- Rules 1 and 2 of feeds.md for cases.csv, set-wise for the whole drop:
--  * within the drop, the last line of an id wins (a correction later in the same file);
--  * it replaces the stored version unless that came from a later drop (drop folder date decides);
--  * a replacement identical to what is stored changes no figure (it only records the newer drop as its source).
-- The business day of a case is the date of reported_at in Asia/Shanghai (metrics.md).
-- The days whose figures this changes are recorded for the nightly re-render: the old and new day of every
-- changed case, and the days of its freezes and refunds when the case is new (pending ones start counting once
-- their case arrives) or moved to another district (they follow the case's district). A correction of a case's
-- loss, type, station or age leaves its freezes' and refunds' figures as they were, and their days alone: marked,
-- they were re-published with nothing of their own changed, and held the headlines over them (tester).
--
-- fact_case is partitioned by month of business_day (V19__fact_partitions.sql), so its key holds the day. The
-- stored version of an incoming id is found through the key register fact_case_key (id -> business_day, a
-- narrow table), then read from the one partition of that day: the LATERAL subquery (LIMIT 1 keeps it one, and
-- tells the planner it returns a row, not one per month) is probed per stored id with the day known, so
-- PostgreSQL opens that month alone. A replacement is an UPDATE, which moves the row into the partition of its
-- new day when a correction changed the month (the triggers of V19 move its register row); new ids are
-- inserted. The UPDATE names its ids once more as an array: its planner cannot see that each stored id lives in
-- one month and would read every partition whole; with the array each partition answers from its primary key
-- (measured: 2 000 corrections among 1M cases in 36 months, 113 ms instead of 237 ms). The months exist:
-- sql/ingest/create-months.sql ran first.
WITH incoming AS (
    SELECT DISTINCT ON (case_id)
           case_id, reported_at, (reported_at AT TIME ZONE 'Asia/Shanghai')::date AS business_day,
           district_code, station, fraud_type, loss_amount, victim_age, drop_date, line
    FROM stage_cases
    ORDER BY case_id, line DESC
),
stored AS (
    SELECT s.*
    FROM incoming i
    -- one probe of the register's primary key per incoming id, whatever the register's size: as a plain join
    -- the planner hashes the whole register once it holds a few dozen drops (a city drop read all 370 000
    -- warning ids of two months, 61 ms of its 100 ms merge, and more with every drop). LIMIT 1 (the key is
    -- unique anyway) keeps the subquery a probe: without it the planner flattens it back into that join.
    -- An id above the register's largest (max: one step down its index) cannot be stored, so it is not probed.
    -- Ids carrying their date (FS2022102300123) put most of a drop's new ids there; any other id is probed as
    -- before, so the result does not depend on what ids look like (a city drop: 6 137 probes 11 ms, max 0.1 ms).
    CROSS JOIN LATERAL (
        SELECT k.business_day FROM fact_case_key k
        WHERE k.case_id = i.case_id AND i.case_id <= (SELECT max(case_id) FROM fact_case_key)
        LIMIT 1) k
    CROSS JOIN LATERAL (
        SELECT f.case_id, f.reported_at, f.business_day, f.district_code, f.station, f.fraud_type, f.loss_amount,
               f.victim_age, f.drop_date
        FROM fact_case f
        WHERE f.case_id = i.case_id AND f.business_day = k.business_day
        LIMIT 1) s
),
updated AS (
    UPDATE fact_case AS f
       SET reported_at = i.reported_at, business_day = i.business_day, district_code = i.district_code,
           station = i.station, fraud_type = i.fraud_type, loss_amount = i.loss_amount, victim_age = i.victim_age,
           drop_date = i.drop_date, line = i.line
      FROM stored s JOIN incoming i USING (case_id)
     WHERE f.case_id = s.case_id AND f.business_day = s.business_day AND s.drop_date <= i.drop_date
       AND f.case_id = ANY (ARRAY(SELECT case_id FROM stored))
    RETURNING f.case_id, f.business_day, s.business_day AS old_day,
              (s.reported_at, s.district_code, s.station, s.fraud_type, s.loss_amount, s.victim_age)
              IS DISTINCT FROM (i.reported_at, i.district_code, i.station, i.fraud_type, i.loss_amount, i.victim_age)
              AS replaced,
              s.district_code IS DISTINCT FROM i.district_code AS moved
),
inserted AS (
    INSERT INTO fact_case (case_id, reported_at, business_day, district_code, station, fraud_type,
                           loss_amount, victim_age, drop_date, line)
    SELECT case_id, reported_at, business_day, district_code, station, fraud_type,
           loss_amount, victim_age, drop_date, line
    FROM incoming i
    WHERE NOT EXISTS (SELECT 1 FROM stored s WHERE s.case_id = i.case_id)
    RETURNING case_id, business_day
),
changed AS (
    -- new records, and stored ones whose values really changed; a version identical to the stored one
    -- only moves drop_date/line forward, so that no older drop loaded later can overwrite it
    SELECT case_id, business_day FROM inserted
    UNION ALL SELECT case_id, business_day FROM updated WHERE replaced
),
followed AS (
    -- the cases whose freezes and refunds count differently now: new ones, and those of another district
    SELECT case_id FROM inserted
    UNION ALL SELECT case_id FROM updated WHERE moved
),
days AS (
    INSERT INTO changed_day (job_execution_id, business_day)
    SELECT :jobExecutionId, old_day FROM updated WHERE replaced
    UNION SELECT :jobExecutionId, business_day FROM changed
    UNION SELECT :jobExecutionId, z.business_day FROM fact_freeze_key z JOIN followed u USING (case_id)
    UNION SELECT :jobExecutionId, r.business_day FROM fact_refund_key r JOIN followed u USING (case_id)
    ON CONFLICT DO NOTHING
)
SELECT count(*) FROM changed
