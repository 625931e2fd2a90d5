package com.bensbot.trading.audit;

import com.bensbot.trading.store.Database;
import com.bensbot.trading.store.GroupCommit;
import com.bensbot.trading.store.StorageUnavailableException;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tamper-evident audit log (CONTRACT §7): a gap-free chain of records in the durable store, each carrying
 * the SHA-256 of its fields and of the record before it. Appends from any number of threads and instances
 * sharing one database serialise on the {@code audit_head} row lock, so they build one chain.
 */
public final class AuditLog {
    public static final int MAX_LIMIT = 1000;
    public static final int MAX_DETAILS_LENGTH = 100_000;
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final String SELECT = "SELECT " + StoredAuditRow.COLUMNS + " FROM audit_log ";

    private static final String INSERT = "INSERT INTO audit_log (" + StoredAuditRow.COLUMNS + ") VALUES (:seq, :time, "
            + ":requestId, :client, :action, :outcome, :details, :prevHash, :hash)";
    /** Records appended concurrently share one transaction, up to this many. */
    private static final int MAX_GROUP = 256;

    private final Database database;
    private final Clock clock;
    private final GroupCommit<Pending, StoredAuditRow> appends;

    public AuditLog(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.appends = new GroupCommit<>(database, "append an audit record", MAX_GROUP, this::appendRows);
    }

    /**
     * Appends one record and returns it once it is committed; records appended at the same time by other threads
     * share the commit (group commit). Throws {@link StorageUnavailableException} when the
     * store cannot write it, and IllegalArgumentException for details it cannot write canonically or over
     * {@value #MAX_DETAILS_LENGTH} characters of JSON.
     */
    public AuditRecord append(AuditEntry entry) {
        String details = CanonicalJson.write(entry.details());
        if (details.length() > MAX_DETAILS_LENGTH) {
            throw new IllegalArgumentException("Audit details of " + entry.action() + " exceed "
                    + MAX_DETAILS_LENGTH + " characters of JSON");
        }
        return toRecord(appends.commit(new Pending(entry, details)));
    }

    /**
     * Appends a record of something that did not happen (a refused credential, a rejected request): the refusal
     * stands even when the store cannot write, so a failure is logged at ERROR with the record's facts instead of
     * being thrown.
     */
    public void appendOrLog(AuditEntry entry) {
        try {
            append(entry);
        } catch (StorageUnavailableException e) {
            LOG.error("Audit record not written (store unavailable): action={} outcome={} client={} details={}",
                    entry.action(), entry.outcome(), entry.client(), CanonicalJson.write(entry.details()), e);
        }
    }

    /**
     * Records newest first. Without {@code since}, the newest {@code limit}; with {@code since} (a seq: records
     * after it; an RFC 3339 time: records at or after it), the first {@code limit} that match, so that a reader
     * pages forward with {@code since=<seq of the first record returned>}.
     */
    public List<AuditRecord> recent(int limit, String since) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1-" + MAX_LIMIT);
        }
        AuditSince filter = AuditSince.parse(since);
        String order = filter.isNone() ? "DESC" : "ASC";
        List<StoredAuditRow> rows = database.withHandle("read the audit log", handle -> {
            var query = handle.createQuery(SELECT + filter.condition() + " ORDER BY seq " + order + " LIMIT :limit")
                    .bind("limit", limit);
            if (!filter.isNone()) {
                query.bind("since", filter.argument());
            }
            return query.map(StoredAuditRow.MAPPER).list();
        });
        List<AuditRecord> records = new ArrayList<>(rows.size());
        rows.forEach(row -> records.add(toRecord(row)));
        if (!filter.isNone()) {
            Collections.reverse(records);
        }
        return records;
    }

    /** The newest record, or empty while the log is empty. */
    public Optional<AuditRecord> head() {
        return database.withHandle("read the audit head", handle ->
                handle.createQuery(SELECT + "ORDER BY seq DESC LIMIT 1").map(StoredAuditRow.MAPPER).findOne())
                .map(AuditLog::toRecord);
    }

    /** An entry waiting for its place in the chain, its details already written canonically. */
    private record Pending(AuditEntry entry, String details) {
    }

    /** Chains {@code pending} after the head, under the {@code audit_head} row lock: one insert batch, one head update. */
    private List<StoredAuditRow> appendRows(Handle handle, List<Pending> pending) {
        AuditHead head = handle.createQuery("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .map((rs, ctx) -> new AuditHead(rs.getLong("seq"), rs.getString("hash")))
                .one();
        List<StoredAuditRow> rows = new ArrayList<>(pending.size());
        PreparedBatch insert = handle.prepareBatch(INSERT);
        long seq = head.seq();
        String prevHash = head.hash();
        for (Pending next : pending) {
            // Taken under the lock, so that times follow seq order within one instance.
            String time = AuditTime.format(clock.instant());
            StoredAuditRow row = StoredAuditRow.chained(++seq, time, next.entry(), next.details(), prevHash);
            prevHash = row.hash();
            rows.add(row);
            insert.bind("seq", row.seq())
                    .bind("time", row.time())
                    .bind("requestId", row.requestId())
                    .bind("client", row.client())
                    .bind("action", row.action())
                    .bind("outcome", row.outcome())
                    .bind("details", row.details())
                    .bind("prevHash", row.prevHash())
                    .bind("hash", row.hash())
                    .add();
        }
        insert.execute();
        handle.createUpdate("UPDATE audit_head SET seq = :seq, hash = :hash WHERE id = 1")
                .bind("seq", seq)
                .bind("hash", prevHash)
                .execute();
        return rows;
    }

    private static AuditRecord toRecord(StoredAuditRow row) {
        return new AuditRecord(row.seq(), row.time(), row.requestId(), row.client(), row.action(), row.outcome(),
                parseDetails(row.details()), row.prevHash(), row.hash());
    }

    private static Map<String, Object> parseDetails(String details) {
        try {
            return CanonicalJson.parse(details);
        } catch (JsonProcessingException e) {
            // Only a row edited outside the service holds text that is not JSON: show it rather than fail the
            // listing; audit-verify reports the edit.
            return Map.of("unparsableDetails", details);
        }
    }
}
