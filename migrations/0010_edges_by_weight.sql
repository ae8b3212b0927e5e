-- 0010: one entity's edges read busiest first (issue 11). `relations
-- --from X`, `--to X` and `show X` list a page of an entity's edges, most
-- articles first: these indexes give them in that order from either end,
-- so a page of an entity with thousands of edges reads its page only. They
-- also hold every column the listing's scope tests (type, flagged,
-- rejected, evidence_count), so the number of edges the page left out is
-- counted on the index alone. `edge_by_target` is a prefix of the target
-- index, and goes.

CREATE INDEX edge_by_source_articles
    ON edge(source_id, articles, type, flagged, rejected, evidence_count);
CREATE INDEX edge_by_target_articles
    ON edge(target_id, articles, type, flagged, rejected, evidence_count);
DROP INDEX edge_by_target;
