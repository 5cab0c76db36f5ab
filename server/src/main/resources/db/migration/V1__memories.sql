-- One row per memory. The owner is the access token's issuer and subject (for STDIO: a local
-- issuer name and MCP_STDIO_SUBJECT); every query filters on both.
-- Portable SQL: the same migration runs on H2 (the default store) and PostgreSQL.
CREATE TABLE memory (
    id            VARCHAR(36)    NOT NULL PRIMARY KEY,
    owner_issuer  VARCHAR(512)   NOT NULL,
    owner_subject VARCHAR(255)   NOT NULL,
    body          VARCHAR(20000) NOT NULL,
    -- tags joined by a line feed, which a tag can never contain
    tags          VARCHAR(2000)  NOT NULL,
    -- body and tags, case-folded by the server, for LIKE pre-filtering before ranking
    search_text   VARCHAR(60000) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX memory_by_owner ON memory (owner_issuer, owner_subject, created_at);
