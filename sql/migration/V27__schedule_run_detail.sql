-- Why a scheduled night failed, in one line (the drop's file and problem, as the log says it; account numbers
-- masked): the statisticians' /runs page shows it, so a bad drop is seen without a shell on the server. Null for
-- a night that did not fail, and cleared when a failed night is tried again.
ALTER TABLE schedule_run ADD COLUMN detail text;
