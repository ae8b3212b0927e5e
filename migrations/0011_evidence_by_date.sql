-- 0011: an edge's evidence read in date order (issue 11). `relations` and
-- `show` print each listed edge's first pieces of evidence by article date;
-- the date lived on the article only, so every evidence row of the edge was
-- joined to its article and sorted to keep three. Each evidence row now
-- carries its article's date (written with it at ingest; an article's date
-- changes only by replacing the article, which rewrites its evidence), and
-- `evidence_by_edge_date` gives an edge's evidence in date order, so the
-- query reads the first dates only and sorts the few rows of a date by the
-- article's label, key and position. `evidence_by_edge` is a prefix of it,
-- and goes. Existing rows take their article's date.

ALTER TABLE evidence ADD COLUMN date TEXT;
UPDATE evidence SET date = (SELECT a.date FROM article a WHERE a.id = evidence.article_id);
CREATE INDEX evidence_by_edge_date ON evidence(edge_id, date);
DROP INDEX evidence_by_edge;
