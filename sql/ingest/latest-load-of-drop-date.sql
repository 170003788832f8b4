-- The version of a drop date the facts hold: the checksum of that date's latest load (loads are numbered in commit
-- order, V14). A drop whose files match it is loaded already; any other version, even one loaded before it, is not.
SELECT checksum, load_number
FROM drop_load
WHERE drop_date = :dropDate
ORDER BY load_number DESC
LIMIT 1
