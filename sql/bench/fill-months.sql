-- The monthly partitions of the facts (V19__fact_partitions.sql) for every day the fill writes: cases over :days
-- days from :first, their freezes up to 3 days and refunds up to 60 days later. Before the fill, in a statement of
-- its own: rows of a month created during the statement that writes them would land in the default partition.
SELECT fact_months(CAST(:first AS date), CAST(:first AS date) + :days + 90)
