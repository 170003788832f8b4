-- The number of the latest committed change of figures (a load or a repair, V14/V23): what a rollup check that finds
-- nothing records as checked through. A load still running has the next number and is left for the next check.
SELECT last_load FROM load_counter
