package com.bensbot.trading.broker.sim;

import java.util.Map;
import java.util.Optional;

/**
 * What the endpoints need from an HTTP request: method, decoded path, first value of each query
 * parameter and the body text. Credentials headers are deliberately not carried.
 */
record SimRequest(String method, String path, Map<String, String> query, String body) {

    SimRequest {
        query = Map.copyOf(query);
    }

    /** A query parameter, absent when missing or blank. */
    Optional<String> param(String name) {
        String value = query.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
