-- The latest revision of one bulletin, with the figures it printed, what it changed and the output folder its files
-- were first written into (null for a revision rendered before V26).
SELECT revision, figures::text AS figures, changes::text AS changes, generated_at, out_folder
FROM bulletin_revision
WHERE kind = :kind AND date_from = :from AND date_to = :to
ORDER BY revision DESC
LIMIT 1
