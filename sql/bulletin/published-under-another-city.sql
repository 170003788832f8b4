-- Published bulletins whose figures hold no row of the catalogue's city code (:city): they were published under another
-- city code, and every one rendered again would list that city's row as gone and this one's as come, a revision of
-- each though no figure moved. The newest of them with the area codes it printed, and how many there are; no row
-- when there is none (a new deployment, or the same city code as ever).
SELECT kind, date_from, date_to, revision, count(*) OVER () AS bulletins,
       array_to_string(ARRAY(SELECT jsonb_object_keys(figures -> 'areas') ORDER BY 1), ',') AS areas
FROM bulletin_revision
WHERE figures -> 'areas' IS NOT NULL AND figures -> 'areas' -> :city IS NULL
ORDER BY date_to DESC, revision DESC
LIMIT 1
