package com.bensbot.trading.audit;

import java.util.Map;

/**
 * One stored audit record, as {@code GET /admin/audit} serves it. {@code time} is the exact RFC 3339 text that
 * was hashed; {@code details} is the parsed canonical JSON, so {@link CanonicalJson#write} of it gives back the
 * hashed text.
 */
public record AuditRecord(long seq, String time, String requestId, String client, String action, String outcome,
                          Map<String, Object> details, String prevHash, String hash) {
}
