package com.bensbot.trading.broker;

import java.util.List;
import java.util.Map;

/** A batch lookup in request order: found values, symbols without data, symbols served stale. */
public record PricedBatch<V>(Map<String, V> values, List<String> missing, List<String> stale, CacheResult result) {
}
