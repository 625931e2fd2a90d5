package com.bensbot.trading.ops;

import com.bensbot.trading.broker.AlpacaClient;
import com.bensbot.trading.broker.BreakerState;
import com.codahale.metrics.health.HealthCheck;

/** {@code circuit-breaker}: unhealthy while either breaker is open. */
public final class CircuitBreakerHealthCheck extends HealthCheck {
    private final AlpacaClient client;

    public CircuitBreakerHealthCheck(AlpacaClient client) {
        this.client = client;
    }

    @Override
    protected Result check() {
        BreakerState trading = client.trading().state();
        BreakerState data = client.data().state();
        String states = "trading=" + trading + ", data=" + data;
        if (trading == BreakerState.OPEN || data == BreakerState.OPEN) {
            return Result.unhealthy(states);
        }
        return Result.healthy(states);
    }
}
