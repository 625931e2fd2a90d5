package com.bensbot.trading.security;

import com.bensbot.trading.audit.AuditLog;
import com.bensbot.trading.http.ProblemException;
import com.bensbot.trading.http.ProblemType;
import com.bensbot.trading.http.ProblemWriter;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * Guards the admin port's {@code /tasks/*} with the same credential check as the main port (Jersey filters do
 * not cover admin servlets). Each refusal is audited ({@code admin.auth}).
 */
public final class AdminTaskAuthFilter implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger(AdminTaskAuthFilter.class);
    private final AdminCredential credential;
    private final ProblemWriter problems;
    private final AuditLog auditLog;

    public AdminTaskAuthFilter(AdminCredential credential, ProblemWriter problems, AuditLog auditLog) {
        this.credential = credential;
        this.problems = problems;
        this.auditLog = auditLog;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        AdminCredential.Verdict verdict = credential.check(request.getHeader(AdminCredential.HEADER),
                request.getHeader("Authorization"));
        switch (verdict) {
            case ACCEPTED -> chain.doFilter(req, res);
            case MISSING -> {
                LOG.warn("Admin task refused: no admin credential");
                auditLog.appendOrLog(AdminRefusal.entry(request, verdict));
                problems.write((HttpServletResponse) res,
                        new ProblemException(ProblemType.UNAUTHORIZED, "Admin tasks need the admin credential"));
            }
            default -> {
                LOG.warn("Admin task refused: wrong admin credential");
                auditLog.appendOrLog(AdminRefusal.entry(request, verdict));
                problems.write((HttpServletResponse) res,
                        new ProblemException(ProblemType.FORBIDDEN, "The admin credential is not valid"));
            }
        }
    }
}
