-- How many mails were given up: nightly warns while there are any.
SELECT count(*) FROM delivery WHERE state = 'failed'
