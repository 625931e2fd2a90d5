package com.bensbot.trading.broker;

import com.bensbot.trading.http.ProblemType;

/** The broker answered 429. Retryable while its {@code Retry-After} fits the backoff cap and the time budget. */
public final class BrokerRateLimitedException extends BrokerException {
    private final long retryAfterMillis;
    private final boolean retryable;

    public BrokerRateLimitedException(String api, long retryAfterMillis, boolean retryable) {
        super(ProblemType.BROKER_RATE_LIMITED, 503, "The " + api + " API is rate limiting the gateway",
                Math.max(1, (retryAfterMillis + 999) / 1000), null);
        this.retryAfterMillis = retryAfterMillis;
        this.retryable = retryable;
    }

    public long retryAfterMillis() {
        return retryAfterMillis;
    }

    public BrokerRateLimitedException asFinal(String api) {
        return new BrokerRateLimitedException(api, retryAfterMillis, false);
    }

    @Override
    public boolean isBreakerFailure() {
        return false;
    }

    @Override
    public boolean isRetryable() {
        return retryable;
    }
}
