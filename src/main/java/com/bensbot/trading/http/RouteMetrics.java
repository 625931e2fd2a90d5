package com.bensbot.trading.http;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;

import java.util.concurrent.TimeUnit;

/**
 * Metrics of one route, {@code "GET /live/quote/{symbol}"}, in the shared registry: a request timer, 5xx answers,
 * and requests over the slow and very-slow thresholds (very slow ones count as slow too).
 */
public final class RouteMetrics {
    private final String key;
    private final String method;
    private final String template;
    private final Timer requests;
    private final Counter errors;
    private final Counter slow;
    private final Counter verySlow;

    RouteMetrics(String method, String template, MetricRegistry registry) {
        this.method = method;
        this.template = template;
        this.key = method + ' ' + template;
        this.requests = registry.timer(MetricRegistry.name(RequestMetrics.PREFIX, "requests", key));
        this.errors = registry.counter(MetricRegistry.name(RequestMetrics.PREFIX, "errors", key));
        this.slow = registry.counter(MetricRegistry.name(RequestMetrics.PREFIX, "slow", key));
        this.verySlow = registry.counter(MetricRegistry.name(RequestMetrics.PREFIX, "verySlow", key));
    }

    void record(int status, long nanos, boolean isSlow, boolean isVerySlow) {
        requests.update(nanos, TimeUnit.NANOSECONDS);
        if (status >= 500) {
            errors.inc();
        }
        if (isSlow) {
            slow.inc();
        }
        if (isVerySlow) {
            verySlow.inc();
        }
    }

    /** {@code "<METHOD> <template>"}, the key of {@code /metrics}. */
    public String key() {
        return key;
    }

    public String method() {
        return method;
    }

    /** The route template, e.g. {@code /live/quote/{symbol}}, or {@code <unmatched>}. */
    public String template() {
        return template;
    }

    public Timer requests() {
        return requests;
    }

    public long errors() {
        return errors.getCount();
    }

    public long slow() {
        return slow.getCount();
    }

    public long verySlow() {
        return verySlow.getCount();
    }
}
