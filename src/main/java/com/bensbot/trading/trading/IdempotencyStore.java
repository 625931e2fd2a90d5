package com.bensbot.trading.trading;

import com.bensbot.trading.store.Database;
import com.bensbot.trading.store.StorageUnavailableException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The ledger of submissions in the shared database: one row per idempotency key (a client's key, or an internal
 * key for a submission without one). The first instance to insert a key owns it (primary key, not
 * read-then-write). Every change of state is fenced: it names the {@code version} its owner holds and does nothing
 * when another request has taken the key over since, so a slow owner can never overwrite its successor. Failures of
 * the store are {@link StorageUnavailableException} (503 {@code storage-unavailable}).
 */
public final class IdempotencyStore {
    /** Where a key's order stands. */
    public enum State {
        IN_PROGRESS, COMPLETED, UNRESOLVED
    }

    /** One stored key; {@code reservedDay}/{@code reservedValue} are its order's share of a day's notional. */
    public record Entry(String key, String requestHash, String clientOrderId, State state, Integer statusCode,
                        String responseBody, String brokerOrderId, int version, Instant createdAt,
                        Instant updatedAt, LocalDate reservedDay, BigDecimal reservedValue, String callerRequestId,
                        String callerClient) {
        public Optional<OrderPolicy.Reservation> reservation() {
            return reservedDay == null || reservedValue == null
                    ? Optional.empty() : Optional.of(new OrderPolicy.Reservation(reservedDay, reservedValue));
        }

        public Caller caller() {
            return new Caller(callerRequestId == null ? "resolver" : callerRequestId,
                    callerClient == null ? "gateway" : callerClient);
        }
    }

    private final Database database;

    public IdempotencyStore(Database database) {
        this.database = database;
    }

    /** Inserts the key as in progress at version 0; false when it already exists. */
    public boolean claim(String key, String requestHash, String clientOrderId, Caller caller, Instant now) {
        try {
            database.jdbi().useHandle(handle -> handle.createUpdate(
                            "INSERT INTO idempotency_keys (idem_key, request_hash, client_order_id, state, version, "
                                    + "created_at, updated_at, caller_request_id, caller_client) "
                                    + "VALUES (:key, :hash, :coid, 'IN_PROGRESS', 0, :now, :now, :requestId, :client)")
                    .bind("key", key).bind("hash", requestHash).bind("coid", clientOrderId)
                    .bind("now", Timestamp.from(now))
                    .bind("requestId", caller.requestId()).bind("client", caller.client())
                    .execute());
            return true;
        } catch (UnableToExecuteStatementException e) {
            if (isUniqueViolation(e)) {
                return false;
            }
            throw new StorageUnavailableException("The durable store cannot claim the idempotency key", e);
        } catch (org.jdbi.v3.core.JdbiException e) {
            throw new StorageUnavailableException("The durable store cannot claim the idempotency key", e);
        }
    }

    public Optional<Entry> find(String key) {
        return database.withHandle("read the idempotency key", handle -> handle
                .createQuery("SELECT * FROM idempotency_keys WHERE idem_key = :key")
                .bind("key", key)
                .map((rs, ctx) -> entry(rs))
                .findOne());
    }

    /**
     * Keys whose outcome is unknown and that nobody has touched since {@code quietSince}: unresolved, or in
     * progress for longer than any order path lasts (their owner died). At most {@code limit}, oldest first.
     */
    public List<Entry> unsettled(Instant quietSince, int limit) {
        return database.withHandle("read unresolved orders", handle -> handle
                .createQuery("SELECT * FROM idempotency_keys WHERE state <> 'COMPLETED' AND updated_at < :quiet "
                        + "ORDER BY updated_at")
                .bind("quiet", Timestamp.from(quietSince))
                .setMaxRows(limit)
                .map((rs, ctx) -> entry(rs))
                .list());
    }

    /** Takes over a key found in {@code entry}'s state; the new owner's version, or empty when someone was first. */
    public Optional<Integer> takeOver(Entry entry, Instant now) {
        int updated = database.withHandle("take over the idempotency key", handle -> handle.createUpdate(
                        "UPDATE idempotency_keys SET state = 'IN_PROGRESS', version = version + 1, updated_at = :now "
                                + "WHERE idem_key = :key AND version = :version")
                .bind("key", entry.key()).bind("version", entry.version()).bind("now", Timestamp.from(now))
                .execute());
        return updated == 1 ? Optional.of(entry.version() + 1) : Optional.empty();
    }

    /** The broker has the order: the key answers with it from now on. False when the key is no longer ours. */
    public boolean complete(String key, int version, int status, String body, String brokerOrderId, Instant now) {
        return database.withHandle("record the order under its idempotency key", handle -> handle.createUpdate(
                        "UPDATE idempotency_keys SET state = 'COMPLETED', status_code = :status, response_body = :body, "
                                + "broker_order_id = :brokerId, version = version + 1, updated_at = :now "
                                + "WHERE idem_key = :key AND version = :version")
                .bind("key", key).bind("version", version).bind("status", status).bind("body", body)
                .bind("brokerId", brokerOrderId).bind("now", Timestamp.from(now))
                .execute()) == 1;
    }

    /** Whether the broker has the order is not known; a repeat or the resolver asks it. */
    public boolean markUnresolved(String key, int version, Instant now) {
        return database.withHandle("mark the order unresolved", handle -> handle.createUpdate(
                        "UPDATE idempotency_keys SET state = 'UNRESOLVED', version = version + 1, updated_at = :now "
                                + "WHERE idem_key = :key AND version = :version")
                .bind("key", key).bind("version", version).bind("now", Timestamp.from(now))
                .execute()) == 1;
    }

    /**
     * Forgets a key whose order the broker certainly does not hold, and gives its reservation back, in one
     * transaction, so a repeat is evaluated afresh. False when the key is no longer ours (nothing changes).
     */
    public boolean releaseUnsent(String key, int version) {
        return database.inTransaction("release the idempotency key and its reservation", handle -> {
            Optional<Entry> owned = handle
                    .createQuery("SELECT * FROM idempotency_keys WHERE idem_key = :key AND version = :version "
                            + "AND state <> 'COMPLETED' FOR UPDATE")
                    .bind("key", key).bind("version", version)
                    .map((rs, ctx) -> entry(rs))
                    .findOne();
            if (owned.isEmpty()) {
                return false;
            }
            owned.get().reservation().ifPresent(reservation -> DailyNotional.giveBack(handle, reservation));
            handle.createUpdate("DELETE FROM idempotency_keys WHERE idem_key = :key AND version = :version")
                    .bind("key", key).bind("version", version)
                    .execute();
            return true;
        });
    }

    /** Removes one expired key, if it is still the version that was seen. */
    public void expire(Entry entry) {
        database.withHandle("expire the idempotency key", handle -> handle
                .createUpdate("DELETE FROM idempotency_keys WHERE idem_key = :key AND version = :version")
                .bind("key", entry.key()).bind("version", entry.version())
                .execute());
    }

    /** Deletes settled keys created before {@code cutoff}; returns how many. */
    public int purgeCreatedBefore(Instant cutoff) {
        return database.withHandle("purge expired idempotency keys", handle -> handle
                .createUpdate("DELETE FROM idempotency_keys WHERE created_at < :cutoff AND state = 'COMPLETED'")
                .bind("cutoff", Timestamp.from(cutoff))
                .execute());
    }

    /** Records the reservation on the key's row, on the handle of the transaction that made it. */
    static int recordReservation(Handle handle, String key, int version, OrderPolicy.Reservation reservation) {
        return handle.createUpdate("UPDATE idempotency_keys SET reserved_day = :day, reserved_value = :value "
                        + "WHERE idem_key = :key AND version = :version")
                .bind("day", Date.valueOf(reservation.day())).bind("value", reservation.value())
                .bind("key", key).bind("version", version)
                .execute();
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        Date day = rs.getDate("reserved_day");
        return new Entry(rs.getString("idem_key"), rs.getString("request_hash"),
                rs.getString("client_order_id"), State.valueOf(rs.getString("state")),
                (Integer) rs.getObject("status_code"), rs.getString("response_body"),
                rs.getString("broker_order_id"), rs.getInt("version"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                day == null ? null : day.toLocalDate(), rs.getBigDecimal("reserved_value"),
                rs.getString("caller_request_id"), rs.getString("caller_client"));
    }

    private static boolean isUniqueViolation(UnableToExecuteStatementException e) {
        Throwable cause = e.getCause();
        return cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23");
    }
}
