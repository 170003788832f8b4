-- A bulletin rendered again with the figures of its latest revision publishes nothing: the revision keeps its
-- figures, its change list, its files and its publication time (generated_at, the API's published_at). Only the
-- number of the last load its figures include moves on (load_counter as this transaction's snapshot sees it), so
-- that the nightly run does not take the bulletin for stale again (sql/nightly/stale-bulletins.sql).
UPDATE bulletin_revision
   SET last_load_seen = (SELECT last_load FROM load_counter)
 WHERE kind = :kind AND date_from = :from AND date_to = :to AND revision = :revision
