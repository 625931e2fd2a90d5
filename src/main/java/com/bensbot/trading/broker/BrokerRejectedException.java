package com.bensbot.trading.broker;

import com.bensbot.trading.http.ProblemType;

/** The broker refused the request with a 4xx; its status and message pass through to the client. */
public final class BrokerRejectedException extends BrokerException {
    private final int brokerStatus;

    public BrokerRejectedException(int brokerStatus, String brokerMessage) {
        super(ProblemType.BROKER_REJECTED, brokerStatus, brokerMessage, -1, null);
        this.brokerStatus = brokerStatus;
    }

    public int brokerStatus() {
        return brokerStatus;
    }

    public boolean isNotFound() {
        return brokerStatus == 404;
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
