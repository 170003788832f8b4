-- Who the earlier revisions of a bulletin went to: a revision goes to exactly them (delivery.md).
SELECT DISTINCT list_name, recipient_name, recipient_email
FROM delivery
WHERE product = :product AND date_from = :from AND date_to = :to AND revision < :revision AND state <> 'failed'
ORDER BY list_name, recipient_email
