package com.bensbot.trading.http;

/** HTTP methods as metric keys: the standard ones as they are, anything else {@code OTHER}. */
public final class HttpMethods {
    public static final String OTHER = "OTHER";

    private HttpMethods() {
    }

    /** Returns a constant for the standard methods, so a request's method string is never kept. */
    public static String normalise(String method) {
        if (method == null) {
            return OTHER;
        }
        return switch (method) {
            case "GET" -> "GET";
            case "HEAD" -> "HEAD";
            case "POST" -> "POST";
            case "PUT" -> "PUT";
            case "DELETE" -> "DELETE";
            case "PATCH" -> "PATCH";
            case "OPTIONS" -> "OPTIONS";
            case "TRACE" -> "TRACE";
            case "CONNECT" -> "CONNECT";
            default -> OTHER;
        };
    }
}
