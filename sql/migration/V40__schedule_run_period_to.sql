-- The last day of the period a schedule's run rendered: of a week or a month (a range bulletin), its Sunday or its
-- month's last day; NULL of a night. A rerun mails the first publication of a week whose schedule failed, as the
-- schedule would have (sql/delivery/revisions-of-run.sql): matched by the first day alone, a night that failed on
-- the week's Monday made a rerun of that week mail it as its 周报 (review 32d). Rows finished before this migration
-- have none, and are not matched.
ALTER TABLE schedule_run ADD COLUMN period_to date;
