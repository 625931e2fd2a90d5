package com.bensbot.trading.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.jackson.Jackson;

import java.util.List;

/** What the benchmarks share with the service's wiring. */
final class Bench {
    static final List<String> SYMBOLS_20 = List.of("AAPL", "MSFT", "AMZN", "GOOGL", "META", "NVDA", "TSLA", "SPY",
            "QQQ", "IWM", "JPM", "V", "JNJ", "WMT", "PG", "XOM", "BAC", "DIS", "NFLX", "AMD");

    private Bench() {
    }

    /** The object mapper as TradingApplication configures Dropwizard's. */
    static ObjectMapper mapper() {
        return Jackson.newObjectMapper()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    }
}
