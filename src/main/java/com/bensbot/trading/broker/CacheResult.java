package com.bensbot.trading.broker;

/** How a price was served, as the {@code X-Cache} header reports it. */
public enum CacheResult {
    HIT, MISS, STALE;

    /** For a batch: STALE if any is stale, HIT if all hit, else MISS. */
    public CacheResult combine(CacheResult other) {
        if (this == STALE || other == STALE) {
            return STALE;
        }
        return this == HIT && other == HIT ? HIT : MISS;
    }
}
