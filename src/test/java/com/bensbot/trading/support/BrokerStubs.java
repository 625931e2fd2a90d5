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

    public static String asset(String symbol, boolean tradable) {
        return "{\"id\":\"b0b6dd9d-8b9b-48a9-ba46-b9d54906e415\",\"class\":\"us_equity\",\"exchange\":\"NASDAQ\","
                + "\"symbol\":\"" + symbol + "\",\"name\":\"" + symbol + " Inc.\",\"status\":\"active\",\"tradable\":"
                + tradable + ",\"marginable\":true,\"shortable\":true,\"easy_to_borrow\":true,\"fractionable\":true}";
    }

    public static String order(String id, String clientOrderId, String symbol, String qty, String status) {
        return "{\"id\":\"" + id + "\",\"client_order_id\":\"" + clientOrderId + "\","
                + "\"created_at\":\"2026-11-26T15:04:05.123456Z\",\"updated_at\":\"2026-11-26T15:04:05.123456Z\","
                + "\"submitted_at\":\"2026-11-26T15:04:05.123456Z\",\"filled_at\":null,\"asset_id\":\"b0b6dd9d\","
                + "\"symbol\":\"" + symbol + "\",\"asset_class\":\"us_equity\",\"notional\":null,\"qty\":\"" + qty
                + "\",\"filled_qty\":\"0\",\"filled_avg_price\":null,\"order_class\":\"\",\"order_type\":\"market\","
                + "\"type\":\"market\",\"side\":\"buy\",\"time_in_force\":\"day\",\"limit_price\":null,"
                + "\"stop_price\":null,\"status\":\"" + status + "\",\"extended_hours\":false,\"legs\":null}";
    }
}
