package com.bensbot.trading.broker;

import com.bensbot.trading.http.ProblemType;

/** The breaker for an API is open: the call failed fast without reaching the broker. */
public final class CircuitOpenException extends BrokerException {
    public CircuitOpenException(String api, long retryAfterSeconds) {
        super(ProblemType.CIRCUIT_OPEN, 503, "The circuit breaker for the " + api + " API is open",
                Math.max(1, retryAfterSeconds), null);
    }

    @Override
    public boolean isBreakerFailure() {
        return false;
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
