-- The latest revision of one bulletin, with the figures it printed.
SELECT revision, figures::text AS figures, generated_at
FROM bulletin_revision
WHERE kind = :kind AND date_from = :from AND date_to = :to
ORDER BY revision DESC
LIMIT 1
