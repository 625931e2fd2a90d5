package com.bensbot.trading.trading;

/** Who sent the request being served: its request ID and the client (API key name or IP) for audit records. */
public record Caller(String requestId, String client) {
}
