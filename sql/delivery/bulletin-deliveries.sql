-- Every recorded mail of a bulletin, whatever its state: what `deliver --resend` copies and `deliver` looks at.
SELECT list_name, recipient_name, recipient_email, revision, max(copy) AS last_copy, max(out_folder) AS out_folder, max(changes) AS changes
FROM delivery
WHERE product = :product AND date_from = :from AND date_to = :to
  AND revision = (SELECT max(revision) FROM delivery WHERE product = :product AND date_from = :from AND date_to = :to)
GROUP BY list_name, recipient_name, recipient_email, revision
ORDER BY list_name, recipient_email
