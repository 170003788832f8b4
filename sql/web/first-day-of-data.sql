-- The first day anything was loaded for: the earliest day of a case or a warning in the daily rollups. A headline
-- over days before it would give the press zeros for a time the centre has no records of (a deployment whose history
-- starts in 2021 knows nothing of 2020), so it is not given (web/portal/PublishedHeadline); nor is a rerun from the
-- portal or the API that would publish bulletins of such days (web/portal/Reruns). Read through web/portal/FirstDayLoaded.
SELECT least((SELECT min(business_day) FROM case_day), (SELECT min(business_day) FROM warning_day)) AS first_day
