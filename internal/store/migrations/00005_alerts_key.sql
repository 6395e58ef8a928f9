-- An alert's key: what made it (the subject, its old and new outcome and
-- the list snapshots it was re-screened on), so that a re-screen part run
-- again after a crash finds the alert it raised instead of raising it a
-- second time. Alerts stored before have no key.

-- +goose Up
ALTER TABLE alerts ADD COLUMN alert_key TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX alerts_key ON alerts (alert_key) WHERE alert_key <> '';

-- +goose Down
DROP INDEX alerts_key;
ALTER TABLE alerts DROP COLUMN alert_key;
