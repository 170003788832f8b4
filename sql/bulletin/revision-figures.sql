-- The figures one published revision printed (FigureSnapshot's JSON), read back for what the bulletin's page on the
-- portal says of it as text: exactly the revision's own figures, whatever was loaded since.
SELECT figures::text
FROM bulletin_revision
WHERE kind = :kind AND date_from = :from AND date_to = :to AND revision = :revision
