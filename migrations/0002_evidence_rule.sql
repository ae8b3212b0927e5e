-- 0002: every piece of evidence names the extraction rule that produced it
-- (the cue and the form it was read in, e.g. 'met with/verb', or a named
-- pass such as 'title'), so `show` and exports can say why an edge exists.
-- Evidence written before this migration has no rule recorded.
ALTER TABLE evidence ADD COLUMN rule TEXT;
