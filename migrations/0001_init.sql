-- 0001: the first schema. Articles are keyed by their identity and carry a
-- content hash, so a re-ingest of the same text changes nothing and a changed
-- text replaces its mentions and evidence. Entities merge across articles by
-- canonical key (gazetteer id, else person/<slug>). An edge is unique per
-- (source, type, target, flagged) and aggregates evidence from every article.

CREATE TABLE article (
    id          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL UNIQUE,
    hash        TEXT NOT NULL,
    title       TEXT NOT NULL,
    date        TEXT,
    url         TEXT,
    source      TEXT,
    body        TEXT NOT NULL,
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX article_by_date ON article(date);

CREATE TABLE entity (
    id    INTEGER PRIMARY KEY,
    key   TEXT NOT NULL UNIQUE,
    kind  TEXT NOT NULL CHECK (kind IN ('person', 'state', 'region', 'alliance', 'organization')),
    name  TEXT NOT NULL,
    qid   TEXT
);

CREATE TABLE alias (
    entity_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
    alias     TEXT NOT NULL,
    folded    TEXT NOT NULL,
    PRIMARY KEY (entity_id, folded)
) WITHOUT ROWID;
CREATE INDEX alias_by_folded ON alias(folded);

CREATE TABLE mention (
    article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    entity_id  INTEGER NOT NULL REFERENCES entity(id),
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL
);
CREATE INDEX mention_by_article ON mention(article_id);
CREATE INDEX mention_by_entity ON mention(entity_id);

CREATE TABLE edge (
    id        INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES entity(id),
    type      TEXT NOT NULL,
    target_id INTEGER NOT NULL REFERENCES entity(id),
    flagged   INTEGER NOT NULL DEFAULT 0,
    UNIQUE (source_id, type, target_id, flagged),
    CHECK (source_id <> target_id)
);
CREATE INDEX edge_by_target ON edge(target_id);

CREATE TABLE evidence (
    edge_id      INTEGER NOT NULL REFERENCES edge(id) ON DELETE CASCADE,
    article_id   INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    sentence     INTEGER NOT NULL,
    start        INTEGER NOT NULL,
    end          INTEGER NOT NULL,
    text         TEXT NOT NULL,
    confidence   REAL NOT NULL,
    role         TEXT,
    negated      INTEGER NOT NULL DEFAULT 0,
    hypothetical INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX evidence_by_edge ON evidence(edge_id);
CREATE INDEX evidence_by_article ON evidence(article_id);
