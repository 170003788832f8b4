-- What the schedules of jobs/*.yml have run: one row per schedule and period (the business day for the nightly
-- run, the first day of the week or month for range bulletins). A node claims a period by inserting its row
-- (INSERT ... ON CONFLICT DO NOTHING) before doing the work, so two `serve` nodes never both run it.
--   RUNNING       claimed by `instance`, work in progress
--   WAITING       the drop was not there; a retry is scheduled until the deadline
--   DONE          the work returned 0
--   MISSING_DATA  the deadline passed without the drop; rendered with the 数据未到 notice
--   FAILED        the work returned non-zero or threw although the drop was there
CREATE TABLE schedule_run
(
  schedule     VARCHAR(100) NOT NULL,
  business_day DATE         NOT NULL,
  status       VARCHAR(16)  NOT NULL
    CHECK (status IN ('RUNNING', 'WAITING', 'DONE', 'MISSING_DATA', 'FAILED')),
  started_at   TIMESTAMPTZ  NOT NULL,
  finished_at  TIMESTAMPTZ  NULL,
  instance     VARCHAR(200) NOT NULL,
  exit_code    INTEGER      NULL,
  CONSTRAINT schedule_run_once UNIQUE (schedule, business_day)
);
