package com.bensbot.trading.ratelimit;

import io.github.bucket4j.ConsumptionProbe;

import java.util.EnumMap;
import java.util.Map;

/** The groups' policies over one bucket store, with refusals reported to the monitor. */
public final class RateLimiter {
    private final Map<RateGroup, GroupPolicy> policies = new EnumMap<>(RateGroup.class);
    private final BucketStore store;
    private final RateLimitMonitor monitor;

    public RateLimiter(RateLimitConfig config, BucketStore store, RateLimitMonitor monitor) {
        for (RateGroup group : RateGroup.values()) {
            policies.put(group, GroupPolicy.of(group, config.getGroups().of(group)));
        }
        this.store = store;
        this.monitor = monitor;
    }

    public GroupPolicy policy(RateGroup group) {
        return policies.get(group);
    }

    /** Takes one token for {@code client}; a refusal is counted and may raise an alert. */
    public ConsumptionProbe consume(GroupPolicy policy, String client) {
        ConsumptionProbe probe = store.tryConsume(policy, client);
        if (!probe.isConsumed()) {
            monitor.refused(policy, client);
        }
        return probe;
    }
}
