package com.bensbot.trading.ops;

import com.bensbot.trading.redis.SharedRedis;
import com.codahale.metrics.health.HealthCheck;

import java.util.Optional;

/**
 * {@code redis} (only with {@code REDIS_URL}): healthy while Redis answers {@code PING} within the command
 * timeout. Unhealthy while it is skipped after failures, not connected, or not answering; the service keeps
 * serving then (client limits fail open, the broker quota keeps to the local share).
 */
public final class RedisHealthCheck extends HealthCheck {
    private static final String FALLBACK = "client rate limits fail open, the broker quota keeps to the local share";

    private final SharedRedis redis;

    public RedisHealthCheck(SharedRedis redis) {
        this.redis = redis;
    }

    @Override
    protected Result check() {
        SharedRedis.Status status = redis.status();
        if (status.skipped()) {
            return Result.unhealthy("Redis %s unreachable since %s (%d failures in a row), skipped for another %d ms;"
                            + " %s", redis.label(), status.outageSince(), status.consecutiveFailures(),
                    status.skipRemaining().toMillis(), FALLBACK);
        }
        if (!status.connected()) {
            return Result.unhealthy("Redis %s not connected%s; %s", redis.label(),
                    status.outageSince() == null ? "" : " since " + status.outageSince(), FALLBACK);
        }
        long started = System.nanoTime();
        Optional<String> pong = redis.call(session -> session.commands().ping());
        if (pong.isEmpty()) {
            return Result.unhealthy("Redis %s did not answer PING; %s", redis.label(), FALLBACK);
        }
        return Result.healthy("Redis %s answered PING in %d ms", redis.label(),
                (System.nanoTime() - started) / 1_000_000L);
    }
}
