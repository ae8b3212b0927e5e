-- 0006: the alias table with its key columns first (issue 14). SQLite 3.40
-- (Debian 12's sqlite3) has a bug in integrity_check for a WITHOUT ROWID
-- table whose primary key columns are not its first columns: it reported
-- "NULL value in alias.alias" on every geokg database, so anyone checking
-- with the distribution's tool thought the database corrupt. Same rows,
-- same key, same index; only the column order changes.

CREATE TABLE alias_new (
    entity_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
    folded    TEXT NOT NULL,
    alias     TEXT NOT NULL,
    PRIMARY KEY (entity_id, folded)
) WITHOUT ROWID;
INSERT INTO alias_new (entity_id, folded, alias) SELECT entity_id, folded, alias FROM alias;
DROP TABLE alias;
ALTER TABLE alias_new RENAME TO alias;
CREATE INDEX alias_by_folded ON alias(folded);
