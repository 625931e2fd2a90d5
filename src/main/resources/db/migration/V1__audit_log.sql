-- The tamper-evident audit log (CONTRACT §7). Portable SQL: runs unchanged on H2 and PostgreSQL.

-- One record per order step and admin action. recorded_at holds the exact RFC 3339 text that was hashed
-- (microseconds, UTC, fixed width, so text order is time order); details holds canonical JSON.
CREATE TABLE audit_log (
    seq         BIGINT          NOT NULL PRIMARY KEY,
    recorded_at VARCHAR(40)     NOT NULL,
    request_id  VARCHAR(128)    NOT NULL,
    client      VARCHAR(256)    NOT NULL,
    action      VARCHAR(100)    NOT NULL,
    outcome     VARCHAR(100)    NOT NULL,
    details     VARCHAR(100000) NOT NULL,
    prev_hash   CHAR(64)        NOT NULL,
    hash        CHAR(64)        NOT NULL
);

-- The newest record's seq and hash, in one row. An append locks it (SELECT ... FOR UPDATE), so appends from
-- several instances sharing one database queue up and still build one gap-free chain.
CREATE TABLE audit_head (
    id   INTEGER  NOT NULL PRIMARY KEY,
    seq  BIGINT   NOT NULL,
    hash CHAR(64) NOT NULL
);

INSERT INTO audit_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
