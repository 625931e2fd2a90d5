package com.bensbot.trading.broker;

import com.bensbot.trading.http.ProblemType;

/** The broker refused the gateway's own credentials. An operator must fix the configuration. */
public final class BrokerAuthException extends BrokerException {
    public BrokerAuthException(String api, int brokerStatus) {
        super(ProblemType.BROKER_AUTH_FAILED, 502,
                "The " + api + " API refused the gateway's credentials (" + brokerStatus + ")", -1, null);
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
