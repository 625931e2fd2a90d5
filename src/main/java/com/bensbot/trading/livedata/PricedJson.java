package com.bensbot.trading.livedata;

import com.bensbot.trading.broker.Priced;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The JSON body of a single-symbol price route, written once per cached value: while the price cache serves the
 * same value object (every hit of one cache entry), the route answers with the bytes written for the first request
 * instead of serialising the body again. Keyed by symbol, so it holds at most one body per symbol the broker has
 * data for; past {@code maxSymbols} it starts over.
 */
final class PricedJson<V> {
    private record Written<V>(V value, boolean stale, byte[] json) {
    }

    private final ObjectMapper mapper;
    private final int maxSymbols;
    private final ConcurrentHashMap<String, Written<V>> bySymbol = new ConcurrentHashMap<>();

    PricedJson(ObjectMapper mapper, int maxSymbols) {
        this.mapper = mapper;
        this.maxSymbols = maxSymbols;
    }

    /** The body for {@code priced} (found, not null) of {@code symbol}; {@code body} builds it when not written yet. */
    byte[] json(String symbol, Priced<V> priced, Function<Priced<V>, Object> body) {
        Written<V> last = bySymbol.get(symbol);
        if (last != null && last.value() == priced.value() && last.stale() == priced.stale()) {
            return last.json();
        }
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(body.apply(priced));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise the body for " + symbol, e);
        }
        if (bySymbol.size() >= maxSymbols) {
            bySymbol.clear();
        }
        bySymbol.put(symbol, new Written<>(priced.value(), priced.stale(), json));
        return json;
    }
}
