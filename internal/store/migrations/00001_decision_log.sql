-- The decision log, its checkpoints and the API tokens. One file for
-- SQLite and PostgreSQL: only types both read the same way are used
-- (BIGINT, INTEGER, TEXT; BYTEA has NUMERIC affinity in SQLite, which
-- keeps a blob as it is). Times are microseconds since the Unix epoch.

-- +goose Up
CREATE TABLE decisions (
    seq          BIGINT  NOT NULL PRIMARY KEY,
    id           TEXT    NOT NULL UNIQUE,
    created_us   BIGINT  NOT NULL,
    kind         TEXT    NOT NULL,
    actor        TEXT    NOT NULL,
    outcome      TEXT    NOT NULL,
    exit_code    INTEGER NOT NULL,
    profile      TEXT    NOT NULL,
    as_of        TEXT    NOT NULL,
    subjects     TEXT    NOT NULL,
    search       TEXT    NOT NULL,
    input_sha256 TEXT    NOT NULL,
    input_size   BIGINT  NOT NULL,
    input_type   TEXT    NOT NULL,
    input_stored INTEGER NOT NULL,
    input        BYTEA,
    plan         TEXT    NOT NULL,
    lists        TEXT    NOT NULL,
    decision     TEXT    NOT NULL,
    evidence     TEXT    NOT NULL,
    prev_hash    TEXT    NOT NULL,
    hash         TEXT    NOT NULL
);
CREATE INDEX decisions_created ON decisions (created_us);
CREATE INDEX decisions_outcome ON decisions (outcome, seq);

CREATE TABLE checkpoints (
    seq        BIGINT NOT NULL PRIMARY KEY,
    hash       TEXT   NOT NULL,
    created_us BIGINT NOT NULL,
    key_id     TEXT   NOT NULL,
    signature  TEXT   NOT NULL
);

CREATE TABLE tokens (
    id         TEXT   NOT NULL PRIMARY KEY,
    name       TEXT   NOT NULL,
    role       TEXT   NOT NULL,
    hash       TEXT   NOT NULL UNIQUE,
    created_us BIGINT NOT NULL,
    revoked_us BIGINT
);

-- +goose Down
DROP TABLE tokens;
DROP TABLE checkpoints;
DROP TABLE decisions;
