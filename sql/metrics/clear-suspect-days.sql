-- Days of [:from, :to] a rollup check took and found right (a repair mended them): no longer suspect, unless a check
-- that began after this one (:began) found one differing meanwhile (a fact corrected in psql between the two: review
-- 29c); a day this check found differing was dated after :began too, just before.
DELETE FROM rollup_suspect_day
WHERE business_day BETWEEN :from AND :to
  AND found_at < :began
