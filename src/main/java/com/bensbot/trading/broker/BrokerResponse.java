package com.bensbot.trading.broker;

import java.net.http.HttpHeaders;

/** A broker answer that arrived whole: status, headers and the complete body. */
public record BrokerResponse(int status, HttpHeaders headers, byte[] body) {
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
