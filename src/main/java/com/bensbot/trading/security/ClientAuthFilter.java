package com.bensbot.trading.security;

import com.bensbot.trading.audit.AuditClient;
import com.bensbot.trading.audit.AuditEntry;
import com.bensbot.trading.audit.AuditLog;
import com.bensbot.trading.http.LogSafe;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Client authentication on the main port (CONTRACT §3): with {@code API_KEYS} set, every route but
 * {@code /health}, {@code /openapi.json}, {@code /docs} and CORS preflights needs {@code X-API-Key} (or the admin
 * credential). Missing → 401, unknown → 403, both audited without the presented value. The client's name goes
 * into the request for the rate limiter and the audit log.
 */
public final class ClientAuthFilter implements Filter {
    static final String ADMIN_CLIENT = "admin";
    private static final Logger LOG = LoggerFactory.getLogger(ClientAuthFilter.class);

    private final ClientKeys keys;
    private final AdminCredential admin;
    private final ProblemWriter problems;
    private final AuditLog audit;

    public ClientAuthFilter(ClientKeys keys, AdminCredential admin, ProblemWriter problems, AuditLog audit) {
        this.keys = keys;
        this.admin = admin;
        this.problems = problems;
        this.audit = audit;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        if (isOpen(request)) {
            chain.doFilter(req, res);
            return;
        }
        String presented = request.getHeader(ClientKeys.HEADER);
        if (presented != null && !presented.isEmpty()) {
            Optional<String> client = keys.clientFor(presented);
            if (client.isPresent()) {
                request.setAttribute(AuditClient.NAME_ATTRIBUTE, client.get());
                chain.doFilter(req, res);
                return;
            }
            refuse(request, (HttpServletResponse) res, "wrong");
            return;
        }
        AdminCredential.Verdict verdict = admin.check(request.getHeader(AdminCredential.HEADER),
                request.getHeader("Authorization"));
        switch (verdict) {
            case ACCEPTED -> {
                request.setAttribute(AuditClient.NAME_ATTRIBUTE, ADMIN_CLIENT);
                chain.doFilter(req, res);
            }
            case WRONG -> refuse(request, (HttpServletResponse) res, "wrong");
            default -> refuse(request, (HttpServletResponse) res, "missing");
        }
    }

    /** Routes that stay open, and CORS preflights (a browser sends no credentials with them). */
    static boolean isOpen(HttpServletRequest request) {
        String path = request.getRequestURI();
        if ("/health".equals(path) || "/openapi.json".equals(path) || "/docs".equals(path)
                || path.startsWith("/docs/")) {
            return true;
        }
        return "OPTIONS".equals(request.getMethod()) && request.getHeader("Origin") != null
                && request.getHeader("Access-Control-Request-Method") != null;
    }

    private static String shorten(String value) {
        return value == null ? "" : value.length() > 200 ? value.substring(0, 200) + "…" : value;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String reason) throws IOException {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("route", LogSafe.clean(shorten(request.getMethod()) + " " + shorten(request.getRequestURI())));
        details.put("credential", reason);
        audit.appendOrLog(AuditEntry.of(request, "client.auth", "refused", details));
        LOG.warn("Client refused: {} API key", reason);
        boolean missing = "missing".equals(reason);
        problems.write(response, new ProblemException(missing ? ProblemType.UNAUTHORIZED : ProblemType.FORBIDDEN,
                missing ? "This route needs an X-API-Key" : "The API key is not valid"));
    }
}
