-- How many rows were rejected from the drops of [:from, :to]: what the portal's page says it shows a part of.
SELECT count(*)
FROM reject
WHERE drop_date BETWEEN :from AND :to
