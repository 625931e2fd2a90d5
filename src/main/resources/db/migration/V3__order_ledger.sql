-- Every submission that passes the shape layer holds a row in idempotency_keys while it is in flight: keys the
-- client chose (scoped to the client's key name when clients authenticate, so wider than a bare key), and
-- submissions without a key under an internal key that no client can send. The row keeps the daily-notional
-- reservation of its order, so a resend after an unknown outcome reuses it and a resolution that proves the
-- broker never took the order gives it back. Portable SQL: runs unchanged on H2 and PostgreSQL.

ALTER TABLE idempotency_keys ALTER COLUMN idem_key SET DATA TYPE VARCHAR(400);
ALTER TABLE idempotency_keys ADD COLUMN reserved_day DATE;
ALTER TABLE idempotency_keys ADD COLUMN reserved_value DECIMAL(24, 6);
ALTER TABLE idempotency_keys ADD COLUMN caller_request_id VARCHAR(128);
ALTER TABLE idempotency_keys ADD COLUMN caller_client VARCHAR(256);
CREATE INDEX idempotency_keys_state ON idempotency_keys (state, updated_at);
