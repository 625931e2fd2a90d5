package com.bensbot.trading.broker.sim;

import java.util.Map;

/** An answer ready for the wire: status, headers beyond Content-Type, and JSON text ({@code null}: no body). */
record Answer(int status, Map<String, String> headers, String body) {

    Answer {
        headers = Map.copyOf(headers);
    }
}
