-- dossier knowledge base, schema version 1.
-- Extracted data (documents .. evidence_sources) is replaced whenever a document is
-- re-ingested; analyst decisions live apart in `decisions` and are re-applied.

CREATE TABLE documents (
    id            INTEGER PRIMARY KEY,
    path          TEXT NOT NULL UNIQUE,      -- absolute path of the file as ingested
    name          TEXT NOT NULL,             -- file name without extension: the export name
    format        TEXT NOT NULL,             -- markdown | text | html | pdf
    content_hash  TEXT NOT NULL,             -- sha256 of the file's bytes
    title         TEXT,
    date          TEXT,                      -- partial ISO date
    authors       TEXT NOT NULL DEFAULT '[]',-- JSON list
    publisher     TEXT,
    url           TEXT,
    text          TEXT NOT NULL,             -- the clean text every offset points into
    structure     TEXT NOT NULL,             -- JSON: blocks, sections, sentences, citations
    warnings      TEXT NOT NULL DEFAULT '[]',-- JSON list: what reading and extraction noted
    extractor     TEXT NOT NULL,             -- name/version of the extractor that filled it
    words         INTEGER NOT NULL,
    ingested_at   TEXT NOT NULL
);
CREATE INDEX documents_hash ON documents(content_hash);

CREATE TABLE sources (
    id            INTEGER PRIMARY KEY,
    document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    local_id      TEXT NOT NULL,             -- footnote label ("7", "47a") or link id ("L3")
    kind          TEXT NOT NULL,             -- footnote | reference | link
    title         TEXT,
    publisher     TEXT,
    author        TEXT,
    date          TEXT,
    url           TEXT,
    accessed      TEXT,
    note          TEXT NOT NULL DEFAULT '',  -- the citation as written
    UNIQUE (document_id, local_id)
);
CREATE INDEX sources_url ON sources(url);

-- Entities across documents: clusters of document entities (see doc_entities.entity_id).
CREATE TABLE entities (
    id            INTEGER PRIMARY KEY,
    type          TEXT NOT NULL,             -- person | organization | location
    name          TEXT NOT NULL,             -- the fullest name any document uses
    subtype       TEXT
);
CREATE INDEX entities_type ON entities(type);

-- An entity as one document names it, and the resolved entity it belongs to, with the reason.
CREATE TABLE doc_entities (
    id            INTEGER PRIMARY KEY,
    document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    local_id      TEXT NOT NULL,             -- "e1", "e2", ... in the extraction
    type          TEXT NOT NULL,
    name          TEXT NOT NULL,
    subtype       TEXT,
    entity_id     INTEGER NOT NULL REFERENCES entities(id),
    reason        TEXT NOT NULL,             -- why it belongs to that entity
    UNIQUE (document_id, local_id)
);
CREATE INDEX doc_entities_entity ON doc_entities(entity_id);

-- Every name or alias a document uses for one of its entities.
CREATE TABLE names (
    id            INTEGER PRIMARY KEY,
    doc_entity_id INTEGER NOT NULL REFERENCES doc_entities(id) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    key           TEXT NOT NULL,             -- resolve.names.name_key(name)
    is_primary    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX names_key ON names(key);
CREATE INDEX names_doc_entity ON names(doc_entity_id);

CREATE TABLE mentions (
    doc_entity_id INTEGER NOT NULL REFERENCES doc_entities(id) ON DELETE CASCADE,
    start         INTEGER NOT NULL,
    end           INTEGER NOT NULL
);
CREATE INDEX mentions_doc_entity ON mentions(doc_entity_id);

-- Relations and events as one document states them.
CREATE TABLE claims (
    id            INTEGER PRIMARY KEY,
    document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL,             -- relation | event
    type          TEXT NOT NULL,
    subject       INTEGER REFERENCES doc_entities(id),   -- relations
    object        INTEGER REFERENCES doc_entities(id),   -- relations
    start         TEXT,                      -- relations: partial ISO dates
    end           TEXT,
    date          TEXT,                      -- events
    role          TEXT,
    location      TEXT,
    killed        INTEGER,
    count         INTEGER,
    approx        INTEGER NOT NULL DEFAULT 0,
    confidence    REAL NOT NULL DEFAULT 1.0,
    fingerprint   TEXT NOT NULL              -- stable across re-extraction, for analyst decisions
);
CREATE INDEX claims_document ON claims(document_id);
CREATE INDEX claims_subject ON claims(subject);
CREATE INDEX claims_object ON claims(object);
CREATE INDEX claims_fingerprint ON claims(fingerprint);

CREATE TABLE participants (
    claim_id      INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    role          TEXT NOT NULL,
    doc_entity_id INTEGER NOT NULL REFERENCES doc_entities(id)
);
CREATE INDEX participants_claim ON participants(claim_id);
CREATE INDEX participants_entity ON participants(doc_entity_id);

CREATE TABLE evidence (
    id            INTEGER PRIMARY KEY,
    claim_id      INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    start         INTEGER NOT NULL,          -- span of the sentence in documents.text
    end           INTEGER NOT NULL,
    sentence      TEXT NOT NULL
);
CREATE INDEX evidence_claim ON evidence(claim_id);

CREATE TABLE evidence_sources (
    evidence_id   INTEGER NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,
    source_id     INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE
);
CREATE INDEX evidence_sources_evidence ON evidence_sources(evidence_id);

-- What the analyst decided: merges, splits, claim reviews. Never touched by ingest.
CREATE TABLE decisions (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL,             -- merge | split | accept | reject | edit
    payload       TEXT NOT NULL,             -- JSON
    note          TEXT,
    created_at    TEXT NOT NULL,
    undone_at     TEXT
);
