package com.bensbot.trading.broker;

import com.bensbot.trading.http.ProblemType;

/**
 * The breaker for an API is open: the call failed fast without reaching the broker. Thrown for every call while
 * the breaker is open and logged as one WARN line without a stack, so it captures no stack trace: the fail-fast
 * path stays as cheap as the answer it gives.
 */
public final class CircuitOpenException extends BrokerException {
    public CircuitOpenException(String api, long retryAfterSeconds) {
        super(ProblemType.CIRCUIT_OPEN, 503, "The circuit breaker for the " + api + " API is open",
                Math.max(1, retryAfterSeconds), null, false);
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
