package com.bensbot.trading.http;

/** The problem types of CONTRACT §4; {@code type} is {@code /problems/<name>}. */
public enum ProblemType {
    MALFORMED_REQUEST("malformed-request", 400, "Malformed request"),
    INVALID_PARAMETER("invalid-parameter", 400, "Invalid parameter"),
    VALIDATION_FAILED("validation-failed", 422, "Validation failed"),
    UNAUTHORIZED("unauthorized", 401, "Unauthorized"),
    FORBIDDEN("forbidden", 403, "Forbidden"),
    NOT_FOUND("not-found", 404, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    HEADERS_TOO_LARGE("request-header-fields-too-large", 431, "Request header fields too large"),
    SYMBOL_NOT_FOUND("symbol-not-found", 404, "Symbol not found"),
    ORDER_NOT_FOUND("order-not-found", 404, "Order not found"),
    RATE_LIMITED("rate-limited", 429, "Too many requests"),
    TRADING_HALTED("trading-halted", 423, "Trading halted"),
    LIVE_TRADING_DISABLED("live-trading-disabled", 403, "Live trading disabled"),
    SYMBOL_NOT_TRADABLE("symbol-not-tradable", 422, "Symbol not tradable"),
    ORDER_VALUE_EXCEEDED("order-value-exceeded", 422, "Order value exceeded"),
    DAILY_LIMIT_EXCEEDED("daily-limit-exceeded", 422, "Daily limit exceeded"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "Idempotency key reused"),
    REQUEST_IN_PROGRESS("request-in-progress", 409, "Request in progress"),
    PRICE_UNAVAILABLE("price-unavailable", 503, "Price unavailable"),
    CIRCUIT_OPEN("circuit-open", 503, "Circuit breaker open"),
    BROKER_QUOTA_EXHAUSTED("broker-quota-exhausted", 503, "Broker quota exhausted"),
    BROKER_RATE_LIMITED("broker-rate-limited", 503, "Broker rate limited"),
    BROKER_TIMEOUT("broker-timeout", 504, "Broker timeout"),
    BROKER_UNAVAILABLE("broker-unavailable", 502, "Broker unavailable"),
    BROKER_AUTH_FAILED("broker-auth-failed", 502, "Broker authentication failed"),
    BROKER_REJECTED("broker-rejected", 400, "Broker rejected the request"),
    STORAGE_UNAVAILABLE("storage-unavailable", 503, "Storage unavailable"),
    INTERNAL_ERROR("internal-error", 500, "Internal error");

    private final String uri;
    private final int status;
    private final String title;

    ProblemType(String name, int status, String title) {
        this.uri = "/problems/" + name;
        this.status = status;
        this.title = title;
    }

    public String uri() {
        return uri;
    }

    /** The usual status; {@code broker-rejected} carries the broker's own status instead. */
    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The type for an error status that no more specific cause explains (Jersey's and Jetty's own errors). */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 431 -> HEADERS_TOO_LARGE;
            case 429 -> RATE_LIMITED;
            case 503 -> BROKER_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST;
        };
    }
}
