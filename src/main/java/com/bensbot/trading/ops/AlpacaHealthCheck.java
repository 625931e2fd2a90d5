package com.bensbot.trading.ops;

import com.bensbot.trading.broker.AlpacaClient;
import com.bensbot.trading.broker.BrokerHealth;
import com.codahale.metrics.health.HealthCheck;

/**
 * {@code alpaca}: healthy while the latest broker exchange (a call or the periodic clock probe) succeeded and
 * the broker has not refused the gateway's credentials since.
 */
public final class AlpacaHealthCheck extends HealthCheck {
    private final AlpacaClient client;

    public AlpacaHealthCheck(AlpacaClient client) {
        this.client = client;
    }

    @Override
    protected Result check() {
        BrokerHealth health = client.health();
        if (health.authFailedSinceLastSuccess()) {
            return Result.unhealthy("The broker refused the gateway's credentials at " + health.lastAuthFailureAt());
        }
        if (!health.lastCallSucceeded()) {
            return Result.unhealthy("The latest broker exchange failed"
                    + (health.lastFailureAt() == null ? "" : " at " + health.lastFailureAt()));
        }
        return Result.healthy("Last success at " + health.lastSuccessAt() + ", " + health.lastLatencyMs() + " ms");
    }
}
