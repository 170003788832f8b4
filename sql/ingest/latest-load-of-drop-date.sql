-- The version of a drop date the facts hold: that date's latest load (loads are numbered in commit order, V14), with
-- the folder it was loaded from and the load it was put back after, if it was one (drop.after-load). A drop whose files
-- match it is loaded already; another version from the same folder is loaded again, even one loaded before it.
SELECT l.job_execution_id, l.checksum, l.load_number, folder.parameter_value AS folder, after.parameter_value AS after_load
FROM drop_load l
LEFT JOIN batch_job_execution_params folder
       ON folder.job_execution_id = l.job_execution_id AND folder.parameter_name = 'drop.folder'
LEFT JOIN batch_job_execution_params after
       ON after.job_execution_id = l.job_execution_id AND after.parameter_name = 'drop.after-load'
WHERE l.drop_date = :dropDate
ORDER BY l.load_number DESC
LIMIT 1
