-- 0008: aggregates kept at write time (issue 11). Looking an entity up, or
-- listing the edges of one, recounted every mention and every piece of
-- evidence it has (two million rows for the busiest entity of a large
-- corpus). Each edge now carries its number of supporting articles and of
-- evidence rows and its first and last article dates; each entity its
-- number of articles and of mentions. A new row of evidence or mention
-- adds itself to them (the triggers below); a deleted or moved row marks
-- its edge or entity stale, and the store recounts the stale ones from the
-- raw rows before every write transaction commits (replace of an article,
-- curation, surname joins), so deletions cost one recount per edge, not
-- one per row. Existing databases are counted once here. The indexes on
-- evidence and mention gain the article column, so that "is this the
-- first row of this article for this edge" is one index probe.

ALTER TABLE edge ADD COLUMN articles INTEGER NOT NULL DEFAULT 0;
ALTER TABLE edge ADD COLUMN evidence_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE edge ADD COLUMN first_seen TEXT;
ALTER TABLE edge ADD COLUMN last_seen TEXT;
ALTER TABLE entity ADD COLUMN articles INTEGER NOT NULL DEFAULT 0;
ALTER TABLE entity ADD COLUMN mentions INTEGER NOT NULL DEFAULT 0;

DROP INDEX evidence_by_edge;
CREATE INDEX evidence_by_edge ON evidence(edge_id, article_id);
DROP INDEX mention_by_entity;
CREATE INDEX mention_by_entity ON mention(entity_id, article_id);

CREATE TABLE stale_edge (id INTEGER PRIMARY KEY);
CREATE TABLE stale_entity (id INTEGER PRIMARY KEY);

UPDATE edge SET (articles, evidence_count, first_seen, last_seen) =
    (SELECT count(DISTINCT ev.article_id), count(*), min(a.date), max(a.date)
       FROM evidence ev JOIN article a ON a.id = ev.article_id
      WHERE ev.edge_id = edge.id);
UPDATE entity SET (articles, mentions) =
    (SELECT count(DISTINCT m.article_id), count(*) FROM mention m WHERE m.entity_id = entity.id);

-- min() and max() of a NULL are NULL: an undated article leaves the dates
-- as they were, and the first dated one sets them.
CREATE TRIGGER evidence_added AFTER INSERT ON evidence BEGIN
    UPDATE edge SET
        evidence_count = evidence_count + 1,
        articles = articles + NOT EXISTS (
            SELECT 1 FROM evidence o
             WHERE o.edge_id = NEW.edge_id AND o.article_id = NEW.article_id
               AND o.rowid <> NEW.rowid),
        first_seen = coalesce(
            min(first_seen, (SELECT date FROM article WHERE id = NEW.article_id)),
            first_seen, (SELECT date FROM article WHERE id = NEW.article_id)),
        last_seen = coalesce(
            max(last_seen, (SELECT date FROM article WHERE id = NEW.article_id)),
            last_seen, (SELECT date FROM article WHERE id = NEW.article_id))
     WHERE id = NEW.edge_id;
END;
CREATE TRIGGER evidence_removed AFTER DELETE ON evidence BEGIN
    INSERT OR IGNORE INTO stale_edge (id) VALUES (OLD.edge_id);
END;
CREATE TRIGGER evidence_moved AFTER UPDATE OF edge_id, article_id ON evidence BEGIN
    INSERT OR IGNORE INTO stale_edge (id) VALUES (OLD.edge_id);
    INSERT OR IGNORE INTO stale_edge (id) VALUES (NEW.edge_id);
END;

CREATE TRIGGER mention_added AFTER INSERT ON mention BEGIN
    UPDATE entity SET
        mentions = mentions + 1,
        articles = articles + NOT EXISTS (
            SELECT 1 FROM mention o
             WHERE o.entity_id = NEW.entity_id AND o.article_id = NEW.article_id
               AND o.rowid <> NEW.rowid)
     WHERE id = NEW.entity_id;
END;
CREATE TRIGGER mention_removed AFTER DELETE ON mention BEGIN
    INSERT OR IGNORE INTO stale_entity (id) VALUES (OLD.entity_id);
END;
CREATE TRIGGER mention_moved AFTER UPDATE OF entity_id, article_id ON mention BEGIN
    INSERT OR IGNORE INTO stale_entity (id) VALUES (OLD.entity_id);
    INSERT OR IGNORE INTO stale_entity (id) VALUES (NEW.entity_id);
END;
