-- 0002: every piece of evidence names the extraction rule that produced it
-- (the cue and the form it was read in, e.g. 'met with/verb', or a named
-- pass such as 'title'), so `show` and exports can say why an edge exists;
-- and evidence read from the headline says so (its sentence, start and end
-- are then offsets into the headline, not the body). Evidence written
-- before this migration has no rule recorded and comes from the body.
ALTER TABLE evidence ADD COLUMN rule TEXT;
ALTER TABLE evidence ADD COLUMN headline INTEGER NOT NULL DEFAULT 0;
