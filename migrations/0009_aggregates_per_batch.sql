-- 0009: aggregates added once per batch, not once per row (issue 11).
-- The insert triggers of 0008 ran an UPDATE (and, for evidence, three
-- look-ups of the article's date and a probe for an earlier row of the same
-- article) for every mention and evidence row, inside a statement journal:
-- whole ingest became 1.3x slower. An ingested article is always new (a
-- changed one is deleted first, which marks its rows stale), so the store
-- now tallies, per batch, each entity's and edge's new rows and distinct
-- new articles and dates in memory and adds them with one UPDATE per
-- touched row before the batch commits. Deleted and moved rows still mark
-- their edge or entity stale, recounted as before.

DROP TRIGGER evidence_added;
DROP TRIGGER mention_added;
