package com.bensbot.trading.security;

import com.bensbot.trading.audit.AuditLog;
import com.bensbot.trading.http.LogSafe;
import com.bensbot.trading.http.ProblemException;
import com.bensbot.trading.http.ProblemType;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards {@link AdminOnly} resources on the main port: 401 without the admin credential, 403 with a wrong one,
 * each refusal audited ({@code admin.auth}).
 */
@AdminOnly
@Priority(Priorities.AUTHENTICATION)
public final class AdminAuthFilter implements ContainerRequestFilter {
    private static final Logger LOG = LoggerFactory.getLogger(AdminAuthFilter.class);
    private final AdminCredential credential;
    private final AuditLog auditLog;
    @Context
    private HttpServletRequest servletRequest;

    public AdminAuthFilter(AdminCredential credential, AuditLog auditLog) {
        this.credential = credential;
        this.auditLog = auditLog;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        AdminCredential.Verdict verdict = credential.check(
                request.getHeaderString(AdminCredential.HEADER),
                request.getHeaderString(HttpHeaders.AUTHORIZATION));
        switch (verdict) {
            case ACCEPTED -> {
                return;
            }
            case MISSING -> {
                LOG.warn("Admin route {} {} refused: no admin credential", LogSafe.clean(request.getMethod()),
                        LogSafe.clean(request.getUriInfo().getPath()));
                auditLog.appendOrLog(AdminRefusal.entry(servletRequest, verdict));
                throw new ProblemException(ProblemType.UNAUTHORIZED, "This route needs the admin credential");
            }
            default -> {
                LOG.warn("Admin route {} {} refused: wrong admin credential", LogSafe.clean(request.getMethod()),
                        LogSafe.clean(request.getUriInfo().getPath()));
                auditLog.appendOrLog(AdminRefusal.entry(servletRequest, verdict));
                throw new ProblemException(ProblemType.FORBIDDEN, "The admin credential is not valid");
            }
        }
    }
}
