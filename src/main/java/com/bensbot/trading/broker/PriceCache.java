package com.bensbot.trading.broker;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import com.github.benmanes.caffeine.cache.AsyncCache;
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
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Latest prices per symbol. Concurrent misses for one symbol share one broker call, a batch loads all its misses
 * in one call, symbols without data are remembered as missing, and the last good value of each symbol is kept
 * longer so that it can be served stale while the broker fails.
 *
 * <p>Threading. A single-symbol miss loads on the calling (request) thread: the caller puts its own incomplete
 * future into the cache with {@code putIfAbsent} and, if that wins, calls the broker itself and completes the
 * future; a caller that finds another's future there waits on it for at most {@code maxWait}. No loader thread
 * sits between the request and the HTTP client, and the request thread already carries the request's MDC.
 * Batch misses ({@link #getAll}) load on {@code executor} (which copies the MDC), which also runs Caffeine's
 * maintenance. Every broker load, single or batch, holds a permit of {@code loadPermits}, shared by the quote
 * and trade caches, so that at most {@code alpaca.maxConcurrentCalls} run at once; a load that cannot get a
 * permit within {@code maxWait} fails as a broker timeout. Caffeine removes a future that completes
 * exceptionally, so the next call loads again.
 */
public final class PriceCache<V> {
    /** A loaded entry; {@code value} is null when the broker has no data for the symbol. */
    private record Lookup<V>(V value) {
    }

    private final String name;
    private final AsyncCache<String, Lookup<V>> fresh;
    private final Cache<String, V> lastGood;
    private final Function<String, Optional<V>> loadOne;
    private final Function<Set<String>, Map<String, V>> loadMany;
    private final Semaphore loadPermits;
    private final long waitMillis;
    private final Counter hits;
    private final Counter misses;
    private final Counter staleServed;

    public PriceCache(String name, Duration ttl, Duration staleTtl, long maxSymbols, Duration maxWait,
                      Function<String, Optional<V>> loadOne, Function<Set<String>, Map<String, V>> loadMany,
                      Semaphore loadPermits, Executor executor, MetricRegistry registry) {
        this.name = name;
        this.loadOne = loadOne;
        this.loadMany = loadMany;
        this.loadPermits = loadPermits;
        this.waitMillis = maxWait.toMillis();
        this.lastGood = Caffeine.newBuilder()
                .expireAfterWrite(staleTtl)
                .maximumSize(maxSymbols)
                .build();
        this.fresh = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(maxSymbols)
                .executor(executor)
                .buildAsync();
        this.hits = registry.counter(MetricRegistry.name("bensbot.cache", name, "hit"));
        this.misses = registry.counter(MetricRegistry.name("bensbot.cache", name, "miss"));
        this.staleServed = registry.counter(MetricRegistry.name("bensbot.cache", name, "stale"));
    }

    /** One symbol; throws the broker's failure only when no value young enough to serve stale exists. */
    public Priced<V> get(String symbol) {
        CompletableFuture<Lookup<V>> present = fresh.getIfPresent(symbol);
        Priced<V> hit = hitOf(present);
        if (hit != null) {
            return hit;
        }
        try {
            Lookup<V> lookup = present != null ? await(present) : loadOrJoin(symbol);
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

    /** Loads the symbol on this thread, or waits for the load another caller (or a batch) has already started. */
    private Lookup<V> loadOrJoin(String symbol) {
        CompletableFuture<Lookup<V>> mine = new CompletableFuture<>();
        CompletableFuture<Lookup<V>> theirs = fresh.asMap().putIfAbsent(symbol, mine);
        if (theirs != null) {
            return await(theirs);
        }
        try {
            Lookup<V> lookup = withPermit(() -> remember(symbol, loadOne.apply(symbol).orElse(null)));
            mine.complete(lookup);
            return lookup;
        } catch (RuntimeException | Error failure) {
            // Wakes the waiters now, and Caffeine drops the failed entry.
            mine.completeExceptionally(failure);
            throw failure;
        }
    }

    /** Caffeine's bulk loader for {@link #getAll}: one broker call for all misses, on the executor. */
    private CompletableFuture<Map<String, Lookup<V>>> loadAll(Set<? extends String> symbols, Executor executor) {
        Set<String> wanted = Set.copyOf(symbols);
        return CompletableFuture.supplyAsync(() -> withPermit(() -> {
            Map<String, V> loaded = loadMany.apply(wanted);
            Map<String, Lookup<V>> out = new LinkedHashMap<>();
            for (String symbol : wanted) {
                out.put(symbol, remember(symbol, loaded.get(symbol)));
            }
            return out;
        }), executor);
    }

    private Lookup<V> remember(String symbol, V value) {
        if (value != null) {
            lastGood.put(symbol, value);
        }
        return new Lookup<>(value);
    }

    private <T> T withPermit(Supplier<T> load) {
        try {
            if (!loadPermits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                throw BrokerTimeoutException.budgetSpent("data", waitMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw BrokerTimeoutException.budgetSpent("data", waitMillis);
        }
        try {
            return load.get();
        } finally {
            loadPermits.release();
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
                found.putAll(awaitAll(fresh.getAll(toLoad, this::loadAll)));
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
