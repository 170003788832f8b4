-- Whether a drop dated :day has been loaded, from whatever folder: the nightly job's test of whether D's data came.
SELECT EXISTS (SELECT 1 FROM drop_load WHERE drop_date = :day)
