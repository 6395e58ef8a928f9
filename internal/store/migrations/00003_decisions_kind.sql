-- An index on the kind of a decision, so that the reviews (read on every
-- check, for the reviewers' clearings) are found without a scan of the
-- whole log.

-- +goose Up
CREATE INDEX decisions_kind ON decisions (kind, seq);

-- +goose Down
DROP INDEX decisions_kind;
