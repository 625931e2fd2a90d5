package com.bensbot.trading.ops;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Order outcomes, {@code bensbot_orders_total{outcome}} in Prometheus. The usual outcomes exist from start so that
 * rate queries and alerts see a series before the first order.
 */
public final class OrderMetrics {
    public static final String ACCEPTED = "accepted";
    public static final String REFUSED = "refused";
    public static final String REJECTED = "rejected";
    public static final String FAILED = "failed";
    public static final String REPLAYED = "replayed";
    static final String PREFIX = "bensbot.orders";
    private static final int MAX_OUTCOME_LENGTH = 40;

    private final MetricRegistry registry;
    private final ConcurrentHashMap<String, Counter> byOutcome = new ConcurrentHashMap<>();

    public OrderMetrics(MetricRegistry registry) {
        this.registry = registry;
        for (String outcome : List.of(ACCEPTED, REFUSED, REJECTED, FAILED, REPLAYED)) {
            counter(outcome);
        }
    }

    /**
     * Counts one order request by its outcome: one of the constants above, or another short lower-case word
     * ({@code [a-z_]}) of the caller's; outcomes are metric labels, so never pass client input.
     */
    public void record(String outcome) {
        Counter counter = byOutcome.get(outcome);
        (counter != null ? counter : counter(outcome)).inc();
    }

    private Counter counter(String outcome) {
        if (!isValid(outcome)) {
            throw new IllegalArgumentException("An order outcome is a short word of [a-z_]: " + outcome);
        }
        return byOutcome.computeIfAbsent(outcome, key -> registry.counter(MetricRegistry.name(PREFIX, key)));
    }

    private static boolean isValid(String outcome) {
        if (outcome == null || outcome.isEmpty() || outcome.length() > MAX_OUTCOME_LENGTH) {
            return false;
        }
        for (int i = 0; i < outcome.length(); i++) {
            char c = outcome.charAt(i);
            if (!(c >= 'a' && c <= 'z') && c != '_') {
                return false;
            }
        }
        return true;
    }

    /** Orders by outcome since start. */
    public Map<String, Long> counts() {
        Map<String, Long> out = new TreeMap<>();
        byOutcome.forEach((outcome, counter) -> out.put(outcome, counter.getCount()));
        return out;
    }
}
