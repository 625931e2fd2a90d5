package com.bensbot.trading.broker;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Counters and timers of one broker API in the shared {@link MetricRegistry}: attempts by endpoint and status,
 * latency, successes, failures and retries.
 */
public final class BrokerMetrics {
    static final String PREFIX = "bensbot.broker";
    private final String api;
    private final MetricRegistry registry;
    private final Timer latency;
    private final Counter successes;
    private final Counter failures;
    private final Counter retries;
    private final ConcurrentHashMap<String, Counter> calls = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Map<String, Counter>> callsByEndpoint = new ConcurrentHashMap<>();

    BrokerMetrics(String api, MetricRegistry registry) {
        this.api = api;
        this.registry = registry;
        this.latency = registry.timer(MetricRegistry.name(PREFIX, api, "latency"));
        this.successes = registry.counter(MetricRegistry.name(PREFIX, api, "successes"));
        this.failures = registry.counter(MetricRegistry.name(PREFIX, api, "failures"));
        this.retries = registry.counter(MetricRegistry.name(PREFIX, api, "retries"));
    }

    /** One attempt that reached (or tried to reach) the broker; status is the HTTP status or "timeout"/"error". */
    void attempt(String endpoint, String status, long nanos, boolean ok) {
        latency.update(nanos, TimeUnit.NANOSECONDS);
        (ok ? successes : failures).inc();
        calls.computeIfAbsent(endpoint + ' ' + status, key -> register(endpoint, status)).inc();
    }

    void retry() {
        retries.inc();
    }

    private Counter register(String endpoint, String status) {
        Counter counter = registry.counter(MetricRegistry.name(PREFIX, api, "calls", endpoint, status));
        callsByEndpoint.computeIfAbsent(endpoint, key -> new ConcurrentHashMap<>()).put(status, counter);
        return counter;
    }

    public String api() {
        return api;
    }

    public Timer latency() {
        return latency;
    }

    public long successes() {
        return successes.getCount();
    }

    public long failures() {
        return failures.getCount();
    }

    public long retries() {
        return retries.getCount();
    }

    /** Attempts by endpoint template, then by status. */
    public Map<String, Map<String, Long>> callsByEndpoint() {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        callsByEndpoint.forEach((endpoint, byStatus) -> {
            Map<String, Long> counts = new TreeMap<>();
            byStatus.forEach((status, counter) -> counts.put(status, counter.getCount()));
            out.put(endpoint, counts);
        });
        return out;
    }
}
