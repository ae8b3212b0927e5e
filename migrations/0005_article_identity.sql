-- 0005: article identity that cannot collide (issue 14). An article is
-- keyed by its source address, else by its content ('sha256:' and the
-- content hash); before, an article without an address was keyed by its
-- file stem, 'stdin' or 'file:line' as typed, so two files named
-- report.txt in different folders replaced each other and one JSON Lines
-- file given by two paths was stored twice. The old key stays as the
-- article's label, what output shows. Rows whose new key another row
-- already holds (the same text stored twice under two names) keep their
-- old key rather than fail the upgrade.

ALTER TABLE article ADD COLUMN label TEXT;
UPDATE article SET label = key;
UPDATE OR IGNORE article
   SET key = CASE WHEN url IS NOT NULL AND trim(url) <> '' THEN trim(url)
                  ELSE 'sha256:' || hash END;
