package com.bensbot.trading.ratelimit;

import com.bensbot.trading.http.ProblemException;
import com.bensbot.trading.http.ProblemType;
import com.bensbot.trading.http.ProblemWriter;
import io.github.bucket4j.ConsumptionProbe;
import com.bensbot.trading.audit.AuditClient;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Takes one token per request from the client's bucket of the request's group. Every limited response carries
 * the {@code RateLimit*} headers; an empty bucket answers 429 {@code rate-limited} with {@code Retry-After}.
 */
public final class RateLimitFilter implements Filter {
    private final RouteClassifier routes;
    private final ClientIdentity clients;
    private final RateLimiter limiter;
    private final ProblemWriter problems;

    public RateLimitFilter(RouteClassifier routes, ClientIdentity clients, RateLimiter limiter,
                           ProblemWriter problems) {
        this.routes = routes;
        this.clients = clients;
        this.limiter = limiter;
        this.problems = problems;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        RateGroup group = routes.classify(request.getMethod(), path(request));
        if (group == null) {
            chain.doFilter(req, res);
            return;
        }
        HttpServletResponse response = (HttpServletResponse) res;
        GroupPolicy policy = limiter.policy(group);
        String client = clients.resolve(request);
        request.setAttribute(AuditClient.RESOLVED_ATTRIBUTE, client);
        ConsumptionProbe probe = limiter.consume(policy, client);
        policy.writeHeaders(response, probe.getRemainingTokens(),
                GroupPolicy.ceilSeconds(probe.getNanosToWaitForReset()));
        if (probe.isConsumed()) {
            chain.doFilter(req, res);
            return;
        }
        if (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null) {
            // The body stays unread; without this the server may drop the connection under a client reusing it.
            response.setHeader("Connection", "close");
        }
        long retryAfter = Math.max(1, GroupPolicy.ceilSeconds(probe.getNanosToWaitForRefill()));
        problems.write(response, new ProblemException(ProblemType.RATE_LIMITED, 429, policy.refusalDetail(),
                retryAfter, null, null));
    }

    /** The decoded path inside the context, as the resources see it. */
    private static String path(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        if (pathInfo == null) {
            return servletPath == null ? "" : servletPath;
        }
        return servletPath == null || servletPath.isEmpty() ? pathInfo : servletPath.concat(pathInfo);
    }
}
