package com.bensbot.trading.trading;

import com.bensbot.trading.broker.AlpacaClient;
import com.bensbot.trading.broker.Asset;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.Optional;

/** Whether the broker lets a symbol trade, remembered for a while to spare the broker quota. */
public final class AssetDirectory {
    private final AlpacaClient client;
    private final Cache<String, Optional<Asset>> assets = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(10))
            .maximumSize(20_000)
            .build();

    public AssetDirectory(AlpacaClient client) {
        this.client = client;
    }

    /** True when the broker knows the symbol as an active, tradable asset. Broker failures propagate. */
    public boolean isTradable(String symbol) {
        Optional<Asset> known = assets.getIfPresent(symbol);
        if (known == null) {
            known = client.asset(symbol);
            assets.put(symbol, known);
        }
        return known.map(Asset::isTradable).orElse(false);
    }
}
