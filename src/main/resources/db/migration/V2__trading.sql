-- Order idempotency, the operator's trading halt, and the daily notional used by the policy layer.
-- Portable SQL: the same file migrates H2 and PostgreSQL.

CREATE TABLE idempotency_keys (
    idem_key         VARCHAR(128)    NOT NULL PRIMARY KEY,
    request_hash     CHAR(64)        NOT NULL,
    client_order_id  VARCHAR(128)    NOT NULL,
    state            VARCHAR(16)     NOT NULL,
    status_code      INTEGER,
    response_body    VARCHAR(100000),
    broker_order_id  VARCHAR(64),
    version          INTEGER         NOT NULL,
    created_at       TIMESTAMP       NOT NULL,
    updated_at       TIMESTAMP       NOT NULL
);

CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

CREATE TABLE trading_halt (
    id          INTEGER       NOT NULL PRIMARY KEY,
    halted      BOOLEAN       NOT NULL,
    since       VARCHAR(40),
    reason      VARCHAR(500),
    updated_at  TIMESTAMP     NOT NULL
);

INSERT INTO trading_halt (id, halted, since, reason, updated_at) VALUES (1, FALSE, NULL, NULL, CURRENT_TIMESTAMP);

CREATE TABLE daily_notional (
    trading_day  DATE            NOT NULL PRIMARY KEY,
    notional     DECIMAL(24, 6)  NOT NULL
);
