package com.bensbot.trading.http;

import com.codahale.metrics.MetricRegistry;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-route request metrics of the main port. Keys are route templates from Jersey's resource model and a
 * normalised HTTP method, so a client cannot grow the set: unknown paths share {@code "<METHOD> <unmatched>"} and
 * unknown methods are {@code OTHER}.
 */
public final class RequestMetrics {
    static final String PREFIX = "bensbot.http";
    public static final String UNMATCHED = "<unmatched>";

    private final MetricRegistry registry;
    private final long slowNanos;
    private final long verySlowNanos;
    private final ConcurrentHashMap<String, RouteMetrics> routes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, RouteMetrics> unmatchedByMethod = new ConcurrentHashMap<>();

    public RequestMetrics(MetricRegistry registry, MonitoringConfig config) {
        this.registry = registry;
        this.slowNanos = config.getSlowRequestThreshold().toNanoseconds();
        this.verySlowNanos = config.getVerySlowRequestThreshold().toNanoseconds();
    }

    /** The metrics of {@code method} on {@code template}; method must already be normalised. */
    public RouteMetrics route(String method, String template) {
        RouteMetrics existing = routes.get(method + ' ' + template);
        return existing != null ? existing
                : routes.computeIfAbsent(method + ' ' + template, key -> new RouteMetrics(method, template, registry));
    }

    /** The shared metrics of requests that matched no route. */
    public RouteMetrics unmatched(String method) {
        String normalised = HttpMethods.normalise(method);
        RouteMetrics existing = unmatchedByMethod.get(normalised);
        return existing != null ? existing
                : unmatchedByMethod.computeIfAbsent(normalised, key -> route(key, UNMATCHED));
    }

    /** Records one answered request; returns how slow it was. */
    public Speed record(RouteMetrics route, int status, long nanos) {
        Speed speed = speedOf(nanos);
        route.record(status, nanos, speed != Speed.NORMAL, speed == Speed.VERY_SLOW);
        return speed;
    }

    public Speed speedOf(long nanos) {
        if (nanos >= verySlowNanos) {
            return Speed.VERY_SLOW;
        }
        return nanos >= slowNanos ? Speed.SLOW : Speed.NORMAL;
    }

    public Collection<RouteMetrics> routes() {
        return List.copyOf(routes.values());
    }

    public enum Speed {
        NORMAL, SLOW, VERY_SLOW
    }
}
