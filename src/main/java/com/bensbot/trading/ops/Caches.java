package com.bensbot.trading.ops;

import com.bensbot.trading.broker.PriceCache;

import java.util.List;

/** The gateway's price caches as one source of statistics (a plain type, so Jersey can inspect resources using it). */
public final class Caches {
    private final List<PriceCache<?>> caches;

    public Caches(List<PriceCache<?>> caches) {
        this.caches = List.copyOf(caches);
    }

    public CacheTotals totals() {
        return CacheTotals.of(caches);
    }
}
