-- A rollup check found nothing: every change up to :upTo is checked. Never backwards (another check may have gone
-- further meanwhile).
UPDATE rollups_checked
SET through_load = greatest(through_load, :upTo),
    checked_at   = now()
