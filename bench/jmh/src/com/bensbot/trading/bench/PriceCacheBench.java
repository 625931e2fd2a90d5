package com.bensbot.trading.bench;

import com.bensbot.trading.broker.PriceCache;
import com.bensbot.trading.broker.Priced;
import com.bensbot.trading.broker.Quote;
import com.codahale.metrics.MetricRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/** The cache-hit path: {@link PriceCache#get} on a warm entry, as the quote route calls it. */
@State(Scope.Benchmark)
public class PriceCacheBench {
    private static final Quote QUOTE = new Quote("2026-11-26T15:30:00.123456789Z", new BigDecimal("201.26"), 9L,
            new BigDecimal("201.23"), 5L, "K", "N", List.of("R"), "C");

    private ExecutorService loaders;
    private PriceCache<Quote> cache;

    @Setup
    public void warm() {
        loaders = Executors.newFixedThreadPool(2);
        cache = new PriceCache<>("quotes", Duration.ofHours(1), Duration.ofHours(2), 20_000, Duration.ofSeconds(9),
                symbol -> Optional.of(QUOTE), PriceCacheBench::loadAll, new Semaphore(64), loaders,
                new MetricRegistry());
        cache.get("AAPL");
        cache.getAll(Bench.SYMBOLS_20);
    }

    @TearDown
    public void stop() {
        loaders.shutdownNow();
    }

    private static Map<String, Quote> loadAll(java.util.Set<String> symbols) {
        Map<String, Quote> out = new HashMap<>();
        symbols.forEach(symbol -> out.put(symbol, QUOTE));
        return out;
    }

    @Benchmark
    public Priced<Quote> hit() {
        return cache.get("AAPL");
    }

    @Benchmark
    public Object hit20() {
        return cache.getAll(Bench.SYMBOLS_20);
    }
}
