-- The latest revision of one bulletin, with the figures it printed and what it changed.
SELECT revision, figures::text AS figures, changes::text AS changes, generated_at
FROM bulletin_revision
WHERE kind = :kind AND date_from = :from AND date_to = :to
ORDER BY revision DESC
LIMIT 1
