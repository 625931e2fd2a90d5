package com.bensbot.trading.support;

/** Alpaca-shaped JSON bodies for WireMock stubs. */
public final class BrokerStubs {
    private BrokerStubs() {
    }

    public static String quoteFields(String ask, String bid) {
        return "{\"t\":\"2026-11-26T15:04:05.123456789Z\",\"ax\":\"V\",\"ap\":" + ask + ",\"as\":3,\"bx\":\"V\",\"bp\":"
                + bid + ",\"bs\":2,\"c\":[\"R\"],\"z\":\"C\"}";
    }

    public static String latestQuote(String symbol, String ask, String bid) {
        return "{\"symbol\":\"" + symbol + "\",\"quote\":" + quoteFields(ask, bid) + "}";
    }

    public static String latestTrade(String symbol, String price) {
        return "{\"symbol\":\"" + symbol + "\",\"trade\":{\"t\":\"2026-11-26T15:04:05.5Z\",\"x\":\"V\",\"p\":" + price
                + ",\"s\":100,\"c\":[\"@\"],\"i\":52983525029461,\"z\":\"C\"}}";
    }

    public static String clock() {
        return "{\"timestamp\":\"2026-11-26T10:04:05.1-05:00\",\"is_open\":true,"
                + "\"next_open\":\"2026-11-27T09:30:00-05:00\",\"next_close\":\"2026-11-26T16:00:00-05:00\"}";
    }
}
