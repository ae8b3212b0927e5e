-- 0012: each evidence sentence stored once, and articles stored without
-- their body on request (issue 11: the database was 3.6 times the JSON
-- Lines it was built from). Every evidence row copied its sentence's text
-- (an article's sentence holds eight rows on average), and the body was
-- kept whole beside it. A new row of evidence now leaves `text` empty and
-- its sentence is written once to `sentence`, keyed by the article, where
-- it was read (headline or body) and its index there, with its byte offset
-- there (so that the web view can place a span in it without the body): the readers take the
-- sentence row when there is one, else the row's own text. Rows written
-- before this migration have no sentence row and keep their text, and an
-- evidence row whose text is not a whole sentence (a sentence index out of
-- range) keeps its text too. ('' costs the same byte as NULL in a record,
-- and `text` is NOT NULL since 0001, which SQLite cannot relax without
-- rebuilding the table.) `body_kept` is 0 for an article ingested with
-- `--no-bodies`: its body is stored empty, and what needs it (corrections
-- that read the text again) says so instead.

CREATE TABLE sentence (
    article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    headline   INTEGER NOT NULL,
    idx        INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    PRIMARY KEY (article_id, headline, idx)
) WITHOUT ROWID;

ALTER TABLE article ADD COLUMN body_kept INTEGER NOT NULL DEFAULT 1;
