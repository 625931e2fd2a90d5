package com.bensbot.trading.http;

import com.codahale.metrics.Histogram;
import com.codahale.metrics.LockFreeExponentiallyDecayingReservoir;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;

/**
 * The service's metric registry: timers and histograms created by name (ours, Dropwizard's request handler,
 * Jersey's) keep their samples in a lock-free reservoir. The default reservoir takes a lock on every update, and
 * every request updates several timers.
 */
public final class LockFreeMetricRegistry extends MetricRegistry {
    @Override
    public Timer timer(String name) {
        return timer(name, () -> new Timer(LockFreeExponentiallyDecayingReservoir.builder().build()));
    }

    @Override
    public Histogram histogram(String name) {
        return histogram(name, () -> new Histogram(LockFreeExponentiallyDecayingReservoir.builder().build()));
    }
}
