-- 0003: an edge's evidence read in date order (issue 11), as SQLite's
-- 0011. Each evidence row carries its article's date (written with it at
-- ingest; an article's date changes only by replacing the article, which
-- rewrites its evidence), and `evidence_by_edge_date` gives an edge's
-- evidence in date order (undated first, as SQLite orders NULL), so the
-- query reads the first dates only and sorts the few rows of a date by the
-- article's label, key and position. It replaces `evidence_by_edge` on
-- (edge_id, article_id): the recounts of an edge read it by edge alone.
-- Existing rows take their article's date.

ALTER TABLE evidence ADD COLUMN date TEXT COLLATE "C";
UPDATE evidence ev SET date = a.date FROM article a WHERE a.id = ev.article_id;
CREATE INDEX evidence_by_edge_date ON evidence(edge_id, date NULLS FIRST);
DROP INDEX evidence_by_edge;
