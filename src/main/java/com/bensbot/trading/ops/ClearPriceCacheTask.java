package com.bensbot.trading.ops;

import com.bensbot.trading.broker.PriceCache;

import java.util.List;
import java.util.Map;

/** {@code POST /tasks/clear-price-cache}: forget every cached quote and trade, fresh and last-good alike. */
public final class ClearPriceCacheTask implements AdminTask {
    private final List<PriceCache<?>> caches;

    public ClearPriceCacheTask(PriceCache<?> quotes, PriceCache<?> trades) {
        this.caches = List.of(quotes, trades);
    }

    @Override
    public String name() {
        return "clear-price-cache";
    }

    @Override
    public Object run(Map<String, List<String>> parameters) {
        long cleared = 0;
        for (PriceCache<?> cache : caches) {
            cleared += cache.size();
            cache.clear();
        }
        return Map.of("cleared", cleared);
    }

    @Override
    public String auditAction() {
        return "cache.clear";
    }

    @Override
    public Map<String, Object> auditDetails(Map<String, List<String>> parameters, Object answer) {
        return Map.of("cleared", ((Map<?, ?>) answer).get("cleared"));
    }
}
