package com.bensbot.trading.ratelimit;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts refusals per group in the metric registry (never per client: no IP in a metric name) and raises one
 * WARN alert per client, group and window once a client is refused more than {@code alertThreshold} times in it.
 */
public final class RateLimitMonitor implements RateLimitStats {
    static final String PREFIX = "bensbot.ratelimit";
    private static final Logger LOG = LoggerFactory.getLogger(RateLimitMonitor.class);

    /** Refusals of one client in one group, counted from the first refusal for one window. */
    private record Window(long endNanos, int refusals) {
        Window next() {
            return new Window(endNanos, refusals + 1);
        }
    }

    private static final class UntilWindowEnds implements Expiry<String, Window> {
        @Override
        public long expireAfterCreate(String key, Window window, long currentTime) {
            return Math.max(0, window.endNanos() - currentTime);
        }

        @Override
        public long expireAfterUpdate(String key, Window window, long currentTime, long currentDuration) {
            return Math.max(0, window.endNanos() - currentTime);
        }

        @Override
        public long expireAfterRead(String key, Window window, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }

    private final Map<RateGroup, Counter> refusals = new EnumMap<>(RateGroup.class);
    private final Counter alerts;
    private final int threshold;
    private final Cache<String, Window> windows;

    public RateLimitMonitor(MetricRegistry registry, int alertThreshold, long maxTrackedClients) {
        for (RateGroup group : RateGroup.values()) {
            refusals.put(group, registry.counter(MetricRegistry.name(PREFIX, "refusals", group.label())));
        }
        this.alerts = registry.counter(MetricRegistry.name(PREFIX, "alerts"));
        this.threshold = alertThreshold;
        this.windows = Caffeine.newBuilder()
                .maximumSize(maxTrackedClients)
                .expireAfter(new UntilWindowEnds())
                .executor(Runnable::run)
                .build();
    }

    /** Records one refusal of {@code client} in the policy's group. */
    public void refused(GroupPolicy policy, String client) {
        refusals.get(policy.group()).inc();
        long now = System.nanoTime();
        Window window = windows.asMap().compute(policy.key(client), (key, current) ->
                current == null || now - current.endNanos() >= 0
                        ? new Window(now + policy.window().toNanos(), 1)
                        : current.next());
        if (window.refusals() == threshold + 1) {
            alerts.inc();
            LOG.warn("rate limit alert: client={} group={} refusals={} window={}s", printable(client),
                    policy.group().label(), window.refusals(), policy.windowSeconds());
        }
    }

    /** The client as it may appear in one log line: no CR, LF or other control character. */
    static String printable(String client) {
        StringBuilder out = null;
        for (int i = 0; i < client.length(); i++) {
            char c = client.charAt(i);
            if (Character.isISOControl(c)) {
                if (out == null) {
                    out = new StringBuilder(client.length()).append(client, 0, i);
                }
                out.append('_');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? client : out.toString();
    }

    @Override
    public Map<String, Long> refusalsByGroup() {
        Map<String, Long> out = new LinkedHashMap<>();
        refusals.forEach((group, counter) -> out.put(group.label(), counter.getCount()));
        return out;
    }

    @Override
    public long alerts() {
        return alerts.getCount();
    }
}
