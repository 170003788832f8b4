-- Every bulletin ever published, one row per revision: the figures it printed, so that a later render
-- with different figures becomes a new revision that says what changed, never a silent overwrite.
CREATE TABLE bulletin_revision (
    kind             text        NOT NULL CHECK (kind IN ('daily', 'range')),
    date_from        date        NOT NULL,
    date_to          date        NOT NULL,
    revision         integer     NOT NULL,
    figures          jsonb       NOT NULL,
    changes          jsonb       NOT NULL DEFAULT '[]',
    job_execution_id bigint,
    generated_at     timestamptz NOT NULL,
    PRIMARY KEY (kind, date_from, date_to, revision)
);
