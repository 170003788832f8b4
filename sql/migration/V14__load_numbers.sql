-- Which loads a published bulletin had seen, counted on one counter. The nightly run re-renders a published
-- bulletin when a load changed one of its days after it was rendered (sql/nightly/stale-*.sql). That used to
-- compare drop_load.loaded_at, the database's clock when a load began, with bulletin_revision.generated_at, the
-- application's clock when the bulletin was rendered: two clocks (a test moves the application's, two hosts
-- drift), and a load's start instead of its commit, so a load that began before a render and committed after
-- the render had read its figures passed for seen.
--
-- Now each load takes the next number of load_counter when it records itself (sql/ingest/record-drop-load.sql),
-- in the load's own transaction. The counter's row stays locked until that transaction ends, so another load
-- waits for this one to commit before taking its number: numbers follow commit order, whoever loads. A bulletin
-- keeps the counter as its snapshot saw it (sql/bulletin/record-revision.sql, in the transaction that read its
-- figures): a load numbered higher is one the bulletin's figures do not include.
CREATE TABLE load_counter (
    one_row   boolean PRIMARY KEY DEFAULT true CHECK (one_row),
    last_load bigint  NOT NULL
);

-- Loads made before this migration are numbered in the order the old rule saw them: by loaded_at.
ALTER TABLE drop_load ADD COLUMN load_number bigint;
UPDATE drop_load l
SET load_number = n.number
FROM (SELECT job_execution_id, row_number() OVER (ORDER BY loaded_at, job_execution_id) AS number
      FROM drop_load) n
WHERE n.job_execution_id = l.job_execution_id;
ALTER TABLE drop_load ALTER COLUMN load_number SET NOT NULL;
ALTER TABLE drop_load ADD CONSTRAINT drop_load_number UNIQUE (load_number);

INSERT INTO load_counter (last_load) SELECT coalesce(max(load_number), 0) FROM drop_load;

-- Bulletins published before this migration have seen the loads the old rule said they had (loaded_at not
-- after generated_at), so a revision that was due stays due.
ALTER TABLE bulletin_revision ADD COLUMN last_load_seen bigint;
UPDATE bulletin_revision r
SET last_load_seen = (SELECT coalesce(max(l.load_number), 0) FROM drop_load l WHERE l.loaded_at <= r.generated_at);
ALTER TABLE bulletin_revision ALTER COLUMN last_load_seen SET NOT NULL;
