-- The first day anything was loaded for: the earliest day of a case or a warning in the daily rollups. Before it the
-- centre has no records, so a day before it is no day of data, not a day of zeros. A headline over such days would
-- give the press zeros for a time the centre has no records of (a deployment whose history starts in 2021 knows
-- nothing of 2020), so it is not given (web/portal/PublishedHeadline); nor is a rerun from the portal or the API that
-- would publish bulletins of such days (web/portal/Reruns); and 异常提示 does not judge a day by them (bulletin/
-- UnusualNotes): a backfill of a deployment's first month compared its first days with 28 days of "zeros"
-- (南海区警情6宗，为近28日日均0.1宗的56.0倍, tester). Read through bulletin/FirstDayLoaded.
SELECT least((SELECT min(business_day) FROM case_day), (SELECT min(business_day) FROM warning_day)) AS first_day
