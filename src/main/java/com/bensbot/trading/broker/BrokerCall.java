package com.bensbot.trading.broker;

/**
 * One request to a broker API. {@code endpoint} is the route template used for metrics
 * ({@code "GET /v2/stocks/{symbol}/quotes/latest"}), {@code pathAndQuery} the concrete, already encoded target.
 */
public record BrokerCall(String method, String endpoint, String pathAndQuery, byte[] body, boolean retryable) {
    public static BrokerCall get(String endpoint, String pathAndQuery) {
        return new BrokerCall("GET", endpoint, pathAndQuery, null, true);
    }

    public static BrokerCall delete(String endpoint, String pathAndQuery) {
        return new BrokerCall("DELETE", endpoint, pathAndQuery, null, true);
    }

    /** A single attempt: no retry (probes, order submissions whose resend needs a look-up first). */
    public BrokerCall once() {
        return new BrokerCall(method, endpoint, pathAndQuery, body, false);
    }
}
