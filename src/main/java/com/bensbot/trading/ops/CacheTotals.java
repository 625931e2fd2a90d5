package com.bensbot.trading.ops;

import com.bensbot.trading.broker.PriceCache;

import java.util.List;

/** The price caches (quotes and trades) added up: {@code "cache"} of {@code /metrics/live-data} and {@code /metrics/alpaca}. */
public record CacheTotals(long hits, long misses, long stale, double hitRate, long size) {
    public static CacheTotals of(List<PriceCache<?>> caches) {
        long hits = 0;
        long misses = 0;
        long stale = 0;
        long size = 0;
        for (PriceCache<?> cache : caches) {
            hits += cache.hits();
            misses += cache.misses();
            stale += cache.staleServed();
            size += cache.size();
        }
        long lookups = hits + misses + stale;
        double hitRate = lookups == 0 ? 0.0 : Math.round(hits * 10_000.0 / lookups) / 10_000.0;
        return new CacheTotals(hits, misses, stale, hitRate, size);
    }
}
