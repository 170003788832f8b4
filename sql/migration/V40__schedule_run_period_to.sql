-- The last day of the period a schedule's run rendered: of a week or a month (a range bulletin), its Sunday or its
-- month's last day; of a night, its day. A rerun mails the first publication of a week whose schedule failed, as the
-- schedule would have (sql/delivery/revisions-of-run.sql): matched by the first day alone, a night that failed on
-- the week's Monday made a rerun of that week mail it as its 周报 (review 32d). Rows finished before this migration
-- have none (NULL), and are matched by their first day alone, as before it (review 32e).
ALTER TABLE schedule_run ADD COLUMN period_to date;
