package com.bensbot.trading.broker;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import com.github.benmanes.caffeine.cache.AsyncCacheLoader;
import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Latest prices per symbol. Concurrent misses for one symbol share one broker call, a batch loads all its misses
 * in one call, symbols without data are remembered as missing, and the last good value of each symbol is kept
 * longer so that it can be served stale while the broker fails.
 */
public final class PriceCache<V> {
    /** A loaded entry; {@code value} is null when the broker has no data for the symbol. */
    private record Lookup<V>(V value) {
    }

    private final String name;
    private final AsyncLoadingCache<String, Lookup<V>> fresh;
    private final Cache<String, V> lastGood;
    private final long waitMillis;
    private final Counter hits;
    private final Counter misses;
    private final Counter staleServed;

    public PriceCache(String name, Duration ttl, Duration staleTtl, long maxSymbols, Duration maxWait,
                      Function<String, Optional<V>> loadOne, Function<Set<String>, Map<String, V>> loadMany,
                      Executor executor, MetricRegistry registry) {
        this.name = name;
        this.waitMillis = maxWait.toMillis();
        this.lastGood = Caffeine.newBuilder()
                .expireAfterWrite(staleTtl)
                .maximumSize(maxSymbols)
                .build();
        this.fresh = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(maxSymbols)
                .executor(executor)
                .buildAsync(new Loader(loadOne, loadMany));
        this.hits = registry.counter(MetricRegistry.name("bensbot.cache", name, "hit"));
        this.misses = registry.counter(MetricRegistry.name("bensbot.cache", name, "miss"));
        this.staleServed = registry.counter(MetricRegistry.name("bensbot.cache", name, "stale"));
    }

    private final class Loader implements AsyncCacheLoader<String, Lookup<V>> {
        private final Function<String, Optional<V>> loadOne;
        private final Function<Set<String>, Map<String, V>> loadMany;

        Loader(Function<String, Optional<V>> loadOne, Function<Set<String>, Map<String, V>> loadMany) {
            this.loadOne = loadOne;
            this.loadMany = loadMany;
        }

        @Override
        public CompletableFuture<Lookup<V>> asyncLoad(String symbol, Executor executor) {
            return CompletableFuture.supplyAsync(() -> {
                V value = loadOne.apply(symbol).orElse(null);
                if (value != null) {
                    lastGood.put(symbol, value);
                }
                return new Lookup<>(value);
            }, executor);
        }

        @Override
        public CompletableFuture<Map<String, Lookup<V>>> asyncLoadAll(Set<? extends String> symbols,
                                                                       Executor executor) {
            Set<String> wanted = Set.copyOf(symbols);
            return CompletableFuture.supplyAsync(() -> {
                Map<String, V> loaded = loadMany.apply(wanted);
                Map<String, Lookup<V>> out = new LinkedHashMap<>();
                for (String symbol : wanted) {
                    V value = loaded.get(symbol);
                    if (value != null) {
                        lastGood.put(symbol, value);
                    }
                    out.put(symbol, new Lookup<>(value));
                }
                return out;
            }, executor);
        }
    }

    /** One symbol; throws the broker's failure only when no value young enough to serve stale exists. */
    public Priced<V> get(String symbol) {
        CompletableFuture<Lookup<V>> present = fresh.getIfPresent(symbol);
        Priced<V> hit = hitOf(present);
        if (hit != null) {
            return hit;
        }
        try {
            Lookup<V> lookup = await(present != null ? present : fresh.get(symbol));
            misses.inc();
            return new Priced<>(lookup.value(), CacheResult.MISS);
        } catch (BrokerException failure) {
            V stale = lastGood.getIfPresent(symbol);
            if (stale == null) {
                throw failure;
            }
            staleServed.inc();
            return new Priced<>(stale, CacheResult.STALE);
        }
    }

    /** The fresh cached lookup of one symbol, counted as a hit; null (and no broker call) when there is none. */
    public Priced<V> getIfFresh(String symbol) {
        return hitOf(fresh.getIfPresent(symbol));
    }

    /** The hit a loaded cache entry gives, counted; null for no entry or one still loading or failed. */
    private Priced<V> hitOf(CompletableFuture<Lookup<V>> present) {
        if (present == null || !isLoaded(present)) {
            return null;
        }
        hits.inc();
        return new Priced<>(present.join().value(), CacheResult.HIT);
    }

    /** Several distinct symbols; every miss is loaded by one broker call. */
    public PricedBatch<V> getAll(List<String> symbols) {
        Map<String, V> values = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        List<String> toLoad = new ArrayList<>();
        Map<String, Lookup<V>> found = new LinkedHashMap<>();
        for (String symbol : symbols) {
            CompletableFuture<Lookup<V>> present = fresh.getIfPresent(symbol);
            if (present != null && isLoaded(present)) {
                hits.inc();
                found.put(symbol, present.join());
            } else {
                toLoad.add(symbol);
            }
        }
        CacheResult result = CacheResult.HIT;
        if (!toLoad.isEmpty()) {
            result = result.combine(CacheResult.MISS);
            try {
                found.putAll(awaitAll(fresh.getAll(toLoad)));
                misses.inc(toLoad.size());
            } catch (BrokerException failure) {
                for (String symbol : toLoad) {
                    V last = lastGood.getIfPresent(symbol);
                    if (last == null) {
                        throw failure;
                    }
                    found.put(symbol, new Lookup<>(last));
                    stale.add(symbol);
                }
                staleServed.inc(toLoad.size());
                result = result.combine(CacheResult.STALE);
            }
        }
        for (String symbol : symbols) {
            Lookup<V> lookup = found.get(symbol);
            if (lookup == null || lookup.value() == null) {
                missing.add(symbol);
            } else {
                values.put(symbol, lookup.value());
            }
        }
        return new PricedBatch<>(values, missing, stale, result);
    }

    public void clear() {
        fresh.synchronous().invalidateAll();
        lastGood.invalidateAll();
    }

    public String name() {
        return name;
    }

    public long size() {
        return fresh.synchronous().estimatedSize();
    }

    public long hits() {
        return hits.getCount();
    }

    public long misses() {
        return misses.getCount();
    }

    public long staleServed() {
        return staleServed.getCount();
    }

    private static boolean isLoaded(CompletableFuture<?> future) {
        return future.isDone() && !future.isCompletedExceptionally();
    }

    private Lookup<V> await(CompletableFuture<Lookup<V>> future) {
        return awaitValue(future);
    }

    private Map<String, Lookup<V>> awaitAll(CompletableFuture<Map<String, Lookup<V>>> future) {
        return awaitValue(future);
    }

    private <T> T awaitValue(CompletableFuture<T> future) {
        try {
            return future.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (TimeoutException e) {
            throw BrokerTimeoutException.budgetSpent("data", waitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw BrokerTimeoutException.budgetSpent("data", waitMillis);
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        Throwable unwrapped = cause instanceof CompletionException && cause.getCause() != null ? cause.getCause() : cause;
        if (unwrapped instanceof RuntimeException runtime) {
            return runtime;
        }
        if (unwrapped instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("Price load failed", unwrapped);
    }
}
