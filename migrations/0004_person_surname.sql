-- 0004: a person named with a given name and a surname records the surname,
-- so that an article naming someone by surname alone ("Cortizo") can join
-- the one person of that surname already in the graph instead of becoming
-- a second node. Existing rows get it from their name's last word.
ALTER TABLE entity ADD COLUMN surname TEXT;
UPDATE entity SET surname = substr(name, length(rtrim(name, replace(name, ' ', ''))) + 1)
 WHERE kind = 'person' AND instr(name, ' ') > 0;
CREATE INDEX entity_by_surname ON entity(surname) WHERE surname IS NOT NULL;
