-- Where the server the bench is connected to keeps its data: the bench measures only when that is inside the
-- throwaway directory it created for the run (bench/ThrowawayBench). Needs a superuser, as the embedded one is.
SELECT current_setting('data_directory')
