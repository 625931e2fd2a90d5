package com.bensbot.trading.audit;

import org.jdbi.v3.core.mapper.RowMapper;

/** One {@code audit_log} row exactly as stored, details still as text: what the chain hash covers. */
record StoredAuditRow(long seq, String time, String requestId, String client, String action, String outcome,
                      String details, String prevHash, String hash) {
    static final String COLUMNS =
            "seq, recorded_at, request_id, client, action, outcome, details, prev_hash, hash";
    static final RowMapper<StoredAuditRow> MAPPER = (rs, ctx) -> new StoredAuditRow(rs.getLong("seq"),
            rs.getString("recorded_at"), rs.getString("request_id"), rs.getString("client"), rs.getString("action"),
            rs.getString("outcome"), rs.getString("details"), rs.getString("prev_hash"), rs.getString("hash"));

    /** The record that follows {@code prevHash} at {@code seq}, its hash computed. */
    static StoredAuditRow chained(long seq, String time, AuditEntry entry, String details, String prevHash) {
        String hash = AuditHash.of(seq, time, entry.requestId(), entry.client(), entry.action(), entry.outcome(),
                details, prevHash);
        return new StoredAuditRow(seq, time, entry.requestId(), entry.client(), entry.action(), entry.outcome(),
                details, prevHash, hash);
    }

    /** The hash these stored fields call for; differs from {@link #hash} when the row was edited. */
    String expectedHash() {
        return AuditHash.of(seq, time, requestId, client, action, outcome, details, prevHash);
    }
}
