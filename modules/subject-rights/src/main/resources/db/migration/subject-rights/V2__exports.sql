-- Access and portability exports, stored when the request is fulfilled (the data as it was then) and streamed from
-- here at download. Each category of each module's section is a part; its JSON array and its CSV are stored as
-- chunks of at most 64 KB of text, each encrypted under the request's data key, so the export is never held whole
-- in memory and erasing the request's key makes it unreadable.
CREATE TABLE subject_rights_export_part (
    id          VARCHAR(36) PRIMARY KEY,
    request_id  VARCHAR(36) NOT NULL,
    part_no     INTEGER NOT NULL,
    module      VARCHAR(64) NOT NULL,
    holder      VARCHAR(120) NOT NULL,
    category    VARCHAR(64) NOT NULL,
    title       VARCHAR(200) NOT NULL,
    provenance  VARCHAR(16) NOT NULL,
    source      VARCHAR(500) NOT NULL,
    column_names VARCHAR(4000) NOT NULL,
    row_count   BIGINT NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX subject_rights_export_part_request ON subject_rights_export_part (request_id, holder, module, part_no);

CREATE TABLE subject_rights_export_chunk (
    part_id VARCHAR(36) NOT NULL,
    format  VARCHAR(4) NOT NULL,
    seq     INTEGER NOT NULL,
    data    BYTEA NOT NULL,
    PRIMARY KEY (part_id, format, seq)
);

-- The single-use download link: only the token's hash is kept; downloaded_at is set once, by a conditional update.
CREATE TABLE subject_rights_export (
    request_id    VARCHAR(36) PRIMARY KEY,
    token_hash    VARCHAR(64) NOT NULL,
    format        VARCHAR(8) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    downloaded_at TIMESTAMP WITH TIME ZONE
);
