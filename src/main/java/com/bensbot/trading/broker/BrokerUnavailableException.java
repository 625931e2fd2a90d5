package com.bensbot.trading.broker;

import com.bensbot.trading.http.ProblemType;

/** Connect failure, reset, a 5xx answer, an unexpected status (3xx, 1xx) or a body that could not be parsed. */
public final class BrokerUnavailableException extends BrokerException {
    private final boolean retryable;
    private final boolean mayHaveReachedBroker;

    private BrokerUnavailableException(String detail, boolean retryable, boolean mayHaveReachedBroker, Throwable cause) {
        super(ProblemType.BROKER_UNAVAILABLE, 502, detail, -1, cause);
        this.retryable = retryable;
        this.mayHaveReachedBroker = mayHaveReachedBroker;
    }

    public static BrokerUnavailableException connectFailed(String api, Throwable cause) {
        return new BrokerUnavailableException("The " + api + " API could not be reached", true, false, cause);
    }

    public static BrokerUnavailableException connectionLost(String api, Throwable cause) {
        return new BrokerUnavailableException("The connection to the " + api + " API failed", true, true, cause);
    }

    public static BrokerUnavailableException serverError(String api, int status) {
        return new BrokerUnavailableException("The " + api + " API answered " + status, true, true, null);
    }

    /** A status that is neither success nor a 4xx nor a 5xx (a redirect, a 1xx): what the broker did is unknown. */
    public static BrokerUnavailableException unexpectedStatus(String api, int status) {
        return new BrokerUnavailableException("The " + api + " API answered " + status
                + ", which the gateway does not follow", true, true, null);
    }

    public static BrokerUnavailableException unparsable(String api, Throwable cause) {
        return new BrokerUnavailableException("The " + api + " API sent an answer that could not be read", false, true,
                cause);
    }

    @Override
    public boolean isBreakerFailure() {
        return true;
    }

    @Override
    public boolean isRetryable() {
        return retryable;
    }

    /** False only when the request certainly never left the gateway (the connection was never made). */
    @Override
    public boolean mayHaveReachedBroker() {
        return mayHaveReachedBroker;
    }
}
