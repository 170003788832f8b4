-- Who may sign in to the portal and the API, and what everyone did there (web.md "Users, roles, credentials",
-- "Audit log"; issue 14). Users, password hashes, tokens, lockout state, sessions and the audit log all live here,
-- in PostgreSQL, so a restart or a second `serve` node forgets nothing (a lockout counter kept in memory would be
-- lost on restart and wrong with two nodes).

-- One role per user. password_hash is Spring Security's delegating format ({bcrypt}$2a$…): the prefix names
-- the algorithm, so a later, slower one can be adopted without invalidating the stored hashes.
-- failed_attempts counts failed sign-ins in a row; the 5th sets locked_until = now + 15 minutes.
-- totp_secret is the RFC 6238 key (base32) once `user totp` enrolled the user; totp_confirmed turns true when a
-- first code has been accepted (the sign-in page shows the QR code until then); totp_last_step is the 30-second
-- step of the last accepted code, so one code cannot be used twice.
CREATE TABLE app_user (
    name            text        PRIMARY KEY CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
    role            text        NOT NULL CHECK (role IN ('leader', 'statistician', 'press', 'admin', 'auditor')),
    password_hash   text        NOT NULL,
    enabled         boolean     NOT NULL DEFAULT true,
    failed_attempts integer     NOT NULL DEFAULT 0,
    locked_until    timestamptz,
    totp_secret     text,
    totp_confirmed  boolean     NOT NULL DEFAULT false,
    totp_enrolled_at timestamptz,
    totp_last_step  bigint,
    created_at      timestamptz NOT NULL,
    password_changed_at timestamptz NOT NULL
);

-- Personal API tokens: only the SHA-256 of the token is kept (the token is printed once). A token is a random
-- 256-bit value, so a fast hash is enough: there is nothing to guess that a slow hash would protect.
CREATE TABLE api_token (
    id          bigserial   PRIMARY KEY,
    user_name   text        NOT NULL REFERENCES app_user (name),
    token_hash  text        NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    last_used_at timestamptz
);

-- The audit log: append-only. Empty strings, never NULL, for what is unknown (a request without credentials has
-- no user), so the CSV of `./fraudstats audit` has no special case. The time is the database's clock.
CREATE TABLE audit_event (
    id        bigserial   PRIMARY KEY,
    time      timestamptz NOT NULL DEFAULT now(),
    user_name text        NOT NULL DEFAULT '',
    role      text        NOT NULL DEFAULT '',
    client    text        NOT NULL DEFAULT '',
    action    text        NOT NULL,
    object    text        NOT NULL DEFAULT '',
    result    text        NOT NULL
);

CREATE INDEX audit_event_time ON audit_event (time);

-- Records cannot be changed or deleted through the application (web.md; MLPS 2.0 level 3 keeps them at least
-- 180 days, and fraudstats never deletes any). The trigger refuses UPDATE, DELETE and TRUNCATE for every
-- database user but a superuser who first disables it; the REVOKE keeps any other database user fraudstats may
-- be given (SPRING_DATASOURCE_USERNAME, README "Security") from even trying. The embedded database connects as
-- its superuser, so for it the trigger is the guard that holds.
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();

CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM PUBLIC;

-- Portal sessions (Spring Session JDBC's own PostgreSQL schema, unchanged): kept here rather than in memory so
-- the 30-minute idle limit holds across restarts and nodes. Flyway creates them; Boot's initializer stays off.
CREATE TABLE spring_session (
    primary_id            char(36)     NOT NULL,
    session_id            char(36)     NOT NULL,
    creation_time         bigint       NOT NULL,
    last_access_time      bigint       NOT NULL,
    max_inactive_interval int          NOT NULL,
    expiry_time           bigint       NOT NULL,
    principal_name        varchar(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);

CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id char(36)     NOT NULL,
    attribute_name     varchar(200) NOT NULL,
    attribute_bytes    bytea        NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id) REFERENCES spring_session (primary_id) ON DELETE CASCADE
);
