package com.bensbot.trading.audit;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Checks the whole audit chain: reads {@code audit_log} in seq order as a stream (constant memory) and reports
 * the first record that was edited (hash mismatch), deleted (seq gap) or reordered/inserted (prev_hash
 * mismatch), and newest records removed (the chain stops short of {@code audit_head} or of an expected head).
 * Never writes.
 */
public final class AuditVerifier {
    private static final int FETCH_SIZE = 500;
    private final Jdbi jdbi;

    public AuditVerifier(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public AuditVerification verify() {
        return verify(null);
    }

    /** Verifies the chain and that it reaches {@code expectedHead} (a head noted earlier, e.g. from the log). */
    public AuditVerification verify(AuditHead expectedHead) {
        try {
            // One transaction: PostgreSQL streams through a cursor only outside auto-commit, and audit_head is
            // read before the rows so that appends racing the walk cannot look like removed records.
            return jdbi.inTransaction(handle -> walk(handle, expectedHead));
        } catch (JdbiException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return new AuditVerification.Unreadable(cause.getMessage());
        }
    }

    private static AuditVerification walk(Handle handle, AuditHead expectedHead) {
        AuditHead recorded = handle.createQuery("SELECT seq, hash FROM audit_head WHERE id = 1")
                .map((rs, ctx) -> new AuditHead(rs.getLong("seq"), rs.getString("hash")))
                .findOne()
                .orElse(null);
        ChainCheck check = new ChainCheck(expectedHead, recorded);
        long records = 0;
        try (Stream<StoredAuditRow> rows = handle.createQuery(
                        "SELECT " + StoredAuditRow.COLUMNS + " FROM audit_log ORDER BY seq")
                .setFetchSize(FETCH_SIZE)
                .map(StoredAuditRow.MAPPER)
                .stream()) {
            Iterator<StoredAuditRow> iterator = rows.iterator();
            while (iterator.hasNext()) {
                AuditVerification.Broken broken = check.accept(iterator.next());
                if (broken != null) {
                    return broken;
                }
                records++;
            }
        }
        return check.finish(records);
    }
}
