-- The inventory of subjects checked through the server, re-screened when
-- a list changes, and the alerts raised when an outcome changed. Same
-- types as 00001 (read alike by SQLite and PostgreSQL).

-- +goose Up
CREATE TABLE inventory (
    subject     TEXT    NOT NULL PRIMARY KEY,
    name        TEXT    NOT NULL,
    plan        TEXT    NOT NULL,
    input       BYTEA   NOT NULL,
    state       TEXT    NOT NULL,
    updated_us  BIGINT  NOT NULL
);

CREATE TABLE alerts (
    seq         BIGINT  NOT NULL PRIMARY KEY,
    created_us  BIGINT  NOT NULL,
    subject     TEXT    NOT NULL,
    body        TEXT    NOT NULL
);
CREATE INDEX alerts_subject ON alerts (subject, seq);

-- +goose Down
DROP TABLE alerts;
DROP TABLE inventory;
