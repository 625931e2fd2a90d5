package com.bensbot.trading.audit;

import com.bensbot.trading.http.ProblemException;
import com.bensbot.trading.security.AdminOnly;
import io.dropwizard.jersey.caching.CacheControl;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * {@code GET /admin/audit?limit=&since=} (admin): audit records newest first, with the log's current head.
 * {@code limit} 1–1000 (default 100); {@code since} a seq (records after it) or an RFC 3339 time (records at or
 * after it). With {@code since} the page holds the first {@code limit} matches, so that
 * {@code since=<records[0].seq>} fetches the next page.
 */
@Path("/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
    static final int DEFAULT_LIMIT = 100;

    /** The answer: the records and the head {@code SEQ:HASH} of the whole log at the time of the request. */
    public record Page(List<AuditRecord> records, String head) {
    }

    private final AuditLog auditLog;

    public AuditResource(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GET
    @AdminOnly
    @CacheControl(noStore = true)
    public Page list(@QueryParam("limit") String limit, @QueryParam("since") String since) {
        List<AuditRecord> records = auditLog.recent(parseLimit(limit), since);
        AuditHead head = auditLog.head().map(AuditHead::of).orElse(AuditHead.GENESIS);
        return new Page(records, head.toString());
    }

    private static int parseLimit(String raw) {
        if (raw == null || raw.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        if (raw.length() > 4 || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ProblemException.invalidParameter("'limit' must be a whole number from 1 to " + AuditLog.MAX_LIMIT);
        }
        int limit = Integer.parseInt(raw);
        if (limit < 1 || limit > AuditLog.MAX_LIMIT) {
            throw ProblemException.invalidParameter("'limit' must be a whole number from 1 to " + AuditLog.MAX_LIMIT);
        }
        return limit;
    }
}
