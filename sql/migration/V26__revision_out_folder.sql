-- Where a revision's files were written, as its process saw the output folder: the mails of a correction that its
-- process published and did not record (killed in between) are recorded by another process's pass
-- (sql/delivery/unrecorded-corrections.sql), which must attach the files of that revision, wherever `rerun --out`
-- or `nightly --out` put them, not those of the revision before. Null for revisions rendered before this column.
ALTER TABLE bulletin_revision ADD COLUMN out_folder text;
