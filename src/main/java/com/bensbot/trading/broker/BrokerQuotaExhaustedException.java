package com.bensbot.trading.broker;

import com.bensbot.trading.http.ProblemType;

/** The local broker quota is spent: the call was refused before it reached the broker. */
public final class BrokerQuotaExhaustedException extends BrokerException {
    public BrokerQuotaExhaustedException(String api, long retryAfterSeconds) {
        super(ProblemType.BROKER_QUOTA_EXHAUSTED, 503, "The gateway's request quota for the " + api
                + " API is spent for now", Math.max(1, retryAfterSeconds), null);
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
