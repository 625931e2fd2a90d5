package com.bensbot.trading.http;

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
 * Second filter on the main port, right after the request ID: stamps {@code Server-Timing} on every response and,
 * with monitoring on, times the request under its route ({@link RouteListener}) and logs slow requests: WARN
 * above {@code monitoring.slowRequestThreshold}, ERROR above {@code verySlowRequestThreshold}.
 */
public final class TimingFilter implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger(TimingFilter.class);
    private final RequestMetrics metrics;

    /** {@code metrics} is null when monitoring is off: only the header is set then. */
    public TimingFilter(RequestMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        long start = System.nanoTime();
        request.setAttribute(ServerTiming.START_ATTRIBUTE, start);
        ServerTimingResponse timed = new ServerTimingResponse(response, start);
        boolean completed = false;
        try {
            chain.doFilter(request, timed);
            completed = true;
        } finally {
            timed.stamp();
            if (metrics != null) {
                record(request, completed ? response.getStatus() : 500, System.nanoTime() - start);
            }
        }
    }

    private void record(HttpServletRequest request, int status, long nanos) {
        RouteMetrics route = request.getAttribute(RouteListener.ROUTE_ATTRIBUTE) instanceof RouteMetrics matched
                ? matched : metrics.unmatched(request.getMethod());
        RequestMetrics.Speed speed = metrics.record(route, status, nanos);
        if (speed == RequestMetrics.Speed.VERY_SLOW) {
            LOG.error("Very slow request: method={} route={} status={} durationMs={} requestId={}", route.method(),
                    route.template(), status, ServerTiming.millisOneDecimal(nanos), requestId(request));
        } else if (speed == RequestMetrics.Speed.SLOW) {
            LOG.warn("Slow request: method={} route={} status={} durationMs={} requestId={}", route.method(),
                    route.template(), status, ServerTiming.millisOneDecimal(nanos), requestId(request));
        }
    }

    private static Object requestId(HttpServletRequest request) {
        return request.getAttribute(RequestIds.ATTRIBUTE);
    }
}
