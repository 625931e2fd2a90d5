package com.bensbot.trading.broker.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An answer before it is written: status, JSON body ({@code null} for 204) and extra headers.
 */
record SimReply(int status, JsonNode body, Map<String, String> headers) {

    SimReply {
        headers = Map.copyOf(headers);
    }

    static SimReply ok(JsonNode body) {
        return json(200, body);
    }

    static SimReply json(int status, JsonNode body) {
        return new SimReply(status, Objects.requireNonNull(body, "body"), Map.of());
    }

    static SimReply noContent() {
        return new SimReply(204, null, Map.of());
    }

    static SimReply error(int status, int code, String message) {
        ObjectNode body = SimJson.object();
        body.put("code", code);
        body.put("message", message);
        return json(status, body);
    }

    SimReply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new SimReply(status, body, more);
    }
}
