package com.bensbot.trading.http;

/** One failed constraint of a request, named by the request's own field name. */
public record Violation(String field, String message) {
}
