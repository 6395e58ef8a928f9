-- The list snapshots a kept subject stands on, beside its state, so that a
-- re-screen moves the subjects a change cannot affect onto the new lists
-- with one statement per batch instead of rewriting each state.

-- +goose Up
ALTER TABLE inventory ADD COLUMN lists TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE inventory DROP COLUMN lists;
