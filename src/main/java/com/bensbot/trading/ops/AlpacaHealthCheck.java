package com.bensbot.trading.ops;

import com.bensbot.trading.broker.AlpacaClient;
import com.bensbot.trading.broker.BrokerHealth;
import com.bensbot.trading.trading.LiveModeGuard;
import com.codahale.metrics.health.HealthCheck;

import java.util.Optional;

/**
 * {@code alpaca}: healthy while the latest broker exchange (a call or the periodic clock probe) succeeded, the
 * broker has not refused the gateway's credentials since, and orders are not refused for the account the broker
 * reports (a broker URL that does not show it is paper waits for a paper account).
 */
public final class AlpacaHealthCheck extends HealthCheck {
    private final AlpacaClient client;
    private final LiveModeGuard liveGate;

    public AlpacaHealthCheck(AlpacaClient client, LiveModeGuard liveGate) {
        this.client = client;
        this.liveGate = liveGate;
    }

    @Override
    protected Result check() {
        Optional<String> account = liveGate.accountProblem()
                .map(problem -> "Orders are refused (403 live-trading-disabled): " + problem);
        BrokerHealth health = client.health();
        if (health.authFailedSinceLastSuccess()) {
            return unhealthy("The broker refused the gateway's credentials at " + health.lastAuthFailureAt(), account);
        }
        if (!health.lastCallSucceeded()) {
            return unhealthy("The latest broker exchange failed"
                    + (health.lastFailureAt() == null ? "" : " at " + health.lastFailureAt()), account);
        }
        if (account.isPresent()) {
            return Result.unhealthy(account.get());
        }
        return Result.healthy("Last success at " + health.lastSuccessAt() + ", " + health.lastLatencyMs() + " ms");
    }

    private static Result unhealthy(String broker, Optional<String> account) {
        return Result.unhealthy(account.map(problem -> problem + "; " + broker).orElse(broker));
    }
}
