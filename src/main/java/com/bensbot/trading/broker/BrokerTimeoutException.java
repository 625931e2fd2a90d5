package com.bensbot.trading.broker;

import com.bensbot.trading.http.ProblemType;

/** An attempt, or the whole call, ran out of time. */
public final class BrokerTimeoutException extends BrokerException {
    private final boolean retryable;

    private BrokerTimeoutException(String detail, boolean retryable) {
        super(ProblemType.BROKER_TIMEOUT, 504, detail, -1, null);
        this.retryable = retryable;
    }

    public static BrokerTimeoutException attempt(String api, long timeoutMs) {
        return new BrokerTimeoutException("The " + api + " API did not answer within " + timeoutMs + " ms", true);
    }

    public static BrokerTimeoutException budgetSpent(String api, long budgetMs) {
        return new BrokerTimeoutException("The " + api + " API did not answer within the " + budgetMs
                + " ms budget", false);
    }

    @Override
    public boolean isBreakerFailure() {
        return true;
    }

    @Override
    public boolean mayHaveReachedBroker() {
        return true;
    }

    @Override
    public boolean isRetryable() {
        return retryable;
    }
}
