-- The latest revision of one bulletin, which `deliver --resend` mails to the lists of today when no mail of the
-- bulletin was ever recorded: published by a rerun (its first publications of old days are not mailed, delivery.md)
-- or by a night without a distribution list. A weekly or monthly bulletin is a 'range' row of its dates. out_folder
-- is null for revisions rendered before V26: their files are in the home's output folder.
SELECT kind, date_from, date_to, revision, changes::text AS changes, out_folder
FROM bulletin_revision
WHERE date_from = :from AND date_to = :to AND (kind = 'daily') = (:product = 'daily')
ORDER BY revision DESC
LIMIT 1
