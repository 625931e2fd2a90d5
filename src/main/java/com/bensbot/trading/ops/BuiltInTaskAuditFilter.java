package com.bensbot.trading.ops;

import com.bensbot.trading.audit.AuditEntry;
import com.bensbot.trading.audit.AuditLog;
import com.bensbot.trading.http.BufferingResponse;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Audits calls of Dropwizard's own admin tasks ({@code /tasks/gc}, {@code /tasks/log-level}), which
 * {@link AdminTaskServlet} does not serve: one {@code task.<name>} record per call, written once the task has
 * answered (its short answer is still buffered). Runs after the credential check.
 */
public final class BuiltInTaskAuditFilter implements Filter {
    /** The paths of Dropwizard's built-in tasks. */
    public static final String[] PATHS = {"/tasks/gc", "/tasks/log-level"};
    private static final List<String> RECORDED_PARAMETERS = List.of("logger", "level", "duration");
    private final AuditLog auditLog;

    public BuiltInTaskAuditFilter(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        if (!"POST".equals(request.getMethod())) {
            chain.doFilter(req, res);
            return;
        }
        // The answer is held back until the record is written, so a client that saw it can read the record.
        BufferingResponse response = new BufferingResponse((HttpServletResponse) res);
        boolean answered = false;
        try {
            chain.doFilter(req, response);
            answered = true;
        } finally {
            int status = response.getStatus();
            String outcome = !answered || status >= 500 ? "failed" : status >= 400 ? "rejected" : "ok";
            auditLog.appendOrLog(entry(request, outcome, answered ? status : 500));
        }
        response.release();
    }

    private static AuditEntry entry(HttpServletRequest request, String outcome, int status) {
        String route = request.getRequestURI();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("route", route);
        details.put("status", status);
        for (String name : RECORDED_PARAMETERS) {
            String[] values = request.getParameterValues(name);
            if (values != null) {
                details.put(name, List.of(values));
            }
        }
        return AuditEntry.of(request, "task." + route.substring(route.lastIndexOf('/') + 1), outcome, details);
    }
}
