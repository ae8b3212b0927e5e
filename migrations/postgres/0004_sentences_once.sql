-- 0004: each evidence sentence stored once, and articles stored without
-- their body on request (issue 11), as SQLite's 0012. A new row of
-- evidence leaves `text` empty and its sentence is written once to
-- `sentence`, keyed by the article, headline or body, and the index there,
-- with its byte offset there (the web view places a span in it without the
-- body);
-- readers take the sentence row when there is one, else the row's own
-- text (rows written before this migration, and a row whose text is not a
-- whole sentence). `body_kept` is false for an article ingested with
-- `--no-bodies`: its body is stored empty.

CREATE TABLE sentence (
    article_id BIGINT NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    headline   BOOLEAN NOT NULL,
    idx        BIGINT NOT NULL,
    start      BIGINT NOT NULL,
    text       TEXT NOT NULL,
    PRIMARY KEY (article_id, headline, idx)
);

ALTER TABLE article ADD COLUMN body_kept BOOLEAN NOT NULL DEFAULT true;
