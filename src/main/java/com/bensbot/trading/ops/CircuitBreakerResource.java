package com.bensbot.trading.ops;

import com.bensbot.trading.audit.AuditEntry;
import com.bensbot.trading.audit.AuditLog;
import com.bensbot.trading.broker.BreakerReset;
import com.bensbot.trading.http.ProblemException;
import com.bensbot.trading.http.LogSafe;
import com.bensbot.trading.security.AdminOnly;
import com.bensbot.trading.store.StorageUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST /live/reset-circuit-breaker} (admin): close both breakers, or the one named by {@code ?api=}. */
@Path(CircuitBreakerResource.ROUTE)
@Produces(MediaType.APPLICATION_JSON)
public class CircuitBreakerResource {
    static final String ROUTE = "/live/reset-circuit-breaker";
    private static final Logger LOG = LoggerFactory.getLogger(CircuitBreakerResource.class);
    private final BreakerReset reset;
    private final AuditLog auditLog;

    public CircuitBreakerResource(BreakerReset reset, AuditLog auditLog) {
        this.reset = reset;
        this.auditLog = auditLog;
    }

    @POST
    @AdminOnly
    public BreakerReset.Result reset(@QueryParam("api") String api, @Context HttpServletRequest request) {
        BreakerReset.Result result;
        try {
            result = reset.reset(api);
        } catch (ProblemException e) {
            auditLog.appendOrLog(AuditEntry.of(request, BreakerResetAudit.ACTION, "rejected",
                    Map.of("route", ROUTE, "problem", e.type().uri())));
            throw e;
        }
        LOG.info("Circuit breakers reset by an operator (api={}, previous state {})",
                api == null ? "all" : LogSafe.clean(api), result.previousState());
        Map<String, Object> details = new LinkedHashMap<>(BreakerResetAudit.details(api, result));
        details.put("route", ROUTE);
        try {
            auditLog.append(AuditEntry.of(request, BreakerResetAudit.ACTION, "ok", details));
        } catch (StorageUnavailableException e) {
            throw new StorageUnavailableException("The breakers were reset, but the audit record could not be written",
                    e);
        }
        return result;
    }
}
