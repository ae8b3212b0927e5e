-- 0007: corrections that survive re-ingest (issue 10). Every correction a
-- user makes (merge, split, alias add/remove, retype, reject) is one row of
-- `curation`, in the order made, with who and when; entities are named by
-- their canonical key (stable across databases built from the same
-- articles), with the name shown when it was made. The store replays every
-- correction not undone, in order, at the end of every write transaction,
-- so a re-ingest never undoes one. An undone correction stays listed.
-- A rejected edge keeps its evidence and is hidden from every query but
-- `explain`.

CREATE TABLE curation (
    id           INTEGER PRIMARY KEY,
    command      TEXT NOT NULL CHECK (command IN ('merge', 'split', 'alias-add', 'alias-remove', 'retype', 'reject')),
    subject      TEXT NOT NULL,
    subject_name TEXT NOT NULL,
    object       TEXT,
    object_name  TEXT,
    name         TEXT,
    kind         TEXT CHECK (kind IS NULL OR kind IN ('person', 'state', 'region', 'alliance', 'organization')),
    edge         TEXT,
    user         TEXT NOT NULL,
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    undone_at    TEXT,
    undone_by    TEXT
);

ALTER TABLE edge ADD COLUMN rejected INTEGER NOT NULL DEFAULT 0;
