package com.bensbot.trading.broker;

import java.util.Map;

/** A broker answer that arrived whole: status, the headers the gateway reads (lower-case names), the body. */
public record BrokerResponse(int status, Map<String, String> headers, byte[] body) {
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** A header by case-insensitive name, or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
