package com.bensbot.trading.broker;

/** A cached price lookup: the value ({@code null} when the broker has no data for the symbol) and how it was served. */
public record Priced<V>(V value, CacheResult result) {
    public boolean found() {
        return value != null;
    }

    public boolean stale() {
        return result == CacheResult.STALE;
    }
}
