package com.bensbot.trading.trading;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Idempotency keys in the shared database. The first instance to insert a key owns it (primary key, not
 * read-then-write); ownership changes hands only by a compare-and-set on {@code version}.
 */
public final class IdempotencyStore {
    /** Where a key's order stands. */
    public enum State {
        IN_PROGRESS, COMPLETED, UNRESOLVED
    }

    /** One stored key. */
    public record Entry(String key, String requestHash, String clientOrderId, State state, Integer statusCode,
                        String responseBody, String brokerOrderId, int version, Instant createdAt,
                        Instant updatedAt) {
    }

    private final Jdbi jdbi;

    public IdempotencyStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Inserts the key as in progress; false when it already exists. */
    public boolean claim(String key, String requestHash, String clientOrderId, Instant now) {
        try {
            jdbi.useHandle(handle -> handle.createUpdate(
                            "INSERT INTO idempotency_keys (idem_key, request_hash, client_order_id, state, version, "
                                    + "created_at, updated_at) VALUES (:key, :hash, :coid, 'IN_PROGRESS', 0, :now, :now)")
                    .bind("key", key).bind("hash", requestHash).bind("coid", clientOrderId)
                    .bind("now", Timestamp.from(now))
                    .execute());
            return true;
        } catch (UnableToExecuteStatementException e) {
            if (isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    public Optional<Entry> find(String key) {
        return jdbi.withHandle(handle -> handle
                .createQuery("SELECT * FROM idempotency_keys WHERE idem_key = :key")
                .bind("key", key)
                .map((rs, ctx) -> new Entry(rs.getString("idem_key"), rs.getString("request_hash"),
                        rs.getString("client_order_id"), State.valueOf(rs.getString("state")),
                        (Integer) rs.getObject("status_code"), rs.getString("response_body"),
                        rs.getString("broker_order_id"), rs.getInt("version"),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant()))
                .findOne());
    }

    /** Takes over a key found in {@code entry}'s state; false when someone else changed it first. */
    public boolean takeOver(Entry entry, Instant now) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                        "UPDATE idempotency_keys SET state = 'IN_PROGRESS', version = version + 1, updated_at = :now "
                                + "WHERE idem_key = :key AND version = :version")
                .bind("key", entry.key()).bind("version", entry.version()).bind("now", Timestamp.from(now))
                .execute()) == 1;
    }

    public void complete(String key, int status, String body, String brokerOrderId, Instant now) {
        jdbi.useHandle(handle -> handle.createUpdate(
                        "UPDATE idempotency_keys SET state = 'COMPLETED', status_code = :status, response_body = :body, "
                                + "broker_order_id = :brokerId, version = version + 1, updated_at = :now "
                                + "WHERE idem_key = :key")
                .bind("key", key).bind("status", status).bind("body", body).bind("brokerId", brokerOrderId)
                .bind("now", Timestamp.from(now))
                .execute());
    }

    public void markUnresolved(String key, Instant now) {
        jdbi.useHandle(handle -> handle.createUpdate(
                        "UPDATE idempotency_keys SET state = 'UNRESOLVED', version = version + 1, updated_at = :now "
                                + "WHERE idem_key = :key")
                .bind("key", key).bind("now", Timestamp.from(now))
                .execute());
    }

    /** Forgets a key whose order certainly never reached the broker, so a repeat is evaluated afresh. */
    public void release(String key) {
        jdbi.useHandle(handle -> handle
                .createUpdate("DELETE FROM idempotency_keys WHERE idem_key = :key AND state <> 'COMPLETED'")
                .bind("key", key)
                .execute());
    }

    /** Removes one expired key, if it is still the version that was seen. */
    public void expire(Entry entry) {
        jdbi.useHandle(handle -> handle
                .createUpdate("DELETE FROM idempotency_keys WHERE idem_key = :key AND version = :version")
                .bind("key", entry.key()).bind("version", entry.version())
                .execute());
    }

    /** Deletes keys created before {@code cutoff}; returns how many. */
    public int purgeCreatedBefore(Instant cutoff) {
        return jdbi.withHandle(handle -> handle
                .createUpdate("DELETE FROM idempotency_keys WHERE created_at < :cutoff")
                .bind("cutoff", Timestamp.from(cutoff))
                .execute());
    }

    private static boolean isUniqueViolation(UnableToExecuteStatementException e) {
        Throwable cause = e.getCause();
        return cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23");
    }
}
