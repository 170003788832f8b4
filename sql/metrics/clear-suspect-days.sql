-- Days a rollup check took and found right (a repair mended them): no longer suspect.
DELETE FROM rollup_suspect_day WHERE business_day IN (:days)
