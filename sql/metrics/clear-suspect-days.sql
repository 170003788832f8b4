-- Days a rollup check took and found right (a repair mended them): no longer suspect, unless a check that began after
-- this one found one differing meanwhile (a fact corrected in psql between the two: review 29c).
DELETE FROM rollup_suspect_day WHERE business_day IN (:days) AND found_at < :began
