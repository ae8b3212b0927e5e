-- 0003: evidence whose edge joins an entity the sentence does not name
-- ("the Secretary", "he", the parties to a meeting of several) records how
-- that reference was resolved, e.g. '"the Secretary" -> Antony Blinken',
-- so `show` and exports can say so and users can weigh it. NULL when both
-- ends are named, and for evidence written before this migration.
ALTER TABLE evidence ADD COLUMN via TEXT;
