package com.bensbot.trading.broker;

import com.codahale.metrics.MetricRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link PriceCache} with fake broker loaders: single-symbol misses load on the calling thread and are shared,
 * every load (single and batch, across caches) holds a permit of the shared semaphore, failures are not cached.
 * Threads meet on latches; a caller "waiting" is one parked in a timed wait (on the shared future or a permit).
 * The class timeout only keeps a broken build from hanging.
 */
@Timeout(30)
class PriceCacheTest {
    private static final Duration LONG_WAIT = Duration.ofSeconds(30);
    private static final Duration SHORT_WAIT = Duration.ofMillis(100);

    private final MetricRegistry registry = new MetricRegistry();
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<Caller> callers = new ArrayList<>();

    /** After a passing test every caller has finished; after a failing one, the interrupt frees the blocked ones. */
    @AfterEach
    void tearDown() throws InterruptedException {
        for (Caller caller : callers) {
            caller.interrupt();
            caller.join(10_000);
        }
        executor.shutdownNow();
    }

    private PriceCache<String> cache(String name, Duration ttl, Semaphore permits, Duration maxWait,
                                     Function<String, Optional<String>> loadOne,
                                     Function<Set<String>, Map<String, String>> loadMany) {
        return new PriceCache<>(name, ttl, Duration.ofHours(1), 1_000, maxWait, loadOne, loadMany, permits,
                executor, registry);
    }

    private PriceCache<String> cache(Function<String, Optional<String>> loadOne) {
        return cache("quotes", Duration.ofHours(1), new Semaphore(64), LONG_WAIT, loadOne, PriceCacheTest::noBatch);
    }

    private static Map<String, String> noBatch(Set<String> symbols) {
        throw new AssertionError("no batch load expected, asked for " + symbols);
    }

    private Caller call(Supplier<Priced<String>> get) {
        Caller caller = new Caller(get);
        callers.add(caller);
        caller.start();
        return caller;
    }

    /** Spins (yielding, no sleep) until {@code count} of the callers are parked in a timed wait. */
    private static void awaitTimedWaiting(List<Caller> threads, int count) {
        while (threads.stream().filter(t -> t.getState() == Thread.State.TIMED_WAITING).count() < count) {
            yieldOrStop();
        }
    }

    /** Spins (yielding, no sleep) until {@code count} threads wait for a permit. */
    private static void awaitQueued(Semaphore permits, int count) {
        while (permits.getQueueLength() < count) {
            yieldOrStop();
        }
    }

    /** Lets the class timeout stop a spin that never ends. */
    private static void yieldOrStop() {
        if (Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException("interrupted while waiting for the callers");
        }
        Thread.yield();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request thread calling the cache; keeps what it got. */
    private static final class Caller extends Thread {
        private final Supplier<Priced<String>> get;
        private volatile Priced<String> result;
        private volatile Throwable failure;

        Caller(Supplier<Priced<String>> get) {
            this.get = get;
        }

        @Override
        public void run() {
            try {
                result = get.get();
            } catch (Throwable t) {
                failure = t;
            }
        }

        Priced<String> result() throws InterruptedException {
            join();
            assertThat(failure).isNull();
            return result;
        }

        Throwable failure() throws InterruptedException {
            join();
            return failure;
        }
    }

    /** An Error no JVM part throws: it can only come from the fake loader. */
    private static final class LoaderError extends Error {
        LoaderError() {
            super("loader blew up");
        }
    }

    @Test
    void aMissLoadsOnceThenHits() {
        AtomicInteger loads = new AtomicInteger();
        PriceCache<String> cache = cache(symbol -> {
            loads.incrementAndGet();
            return Optional.of(symbol + "-1");
        });

        assertThat(cache.get("AAPL")).isEqualTo(new Priced<>("AAPL-1", CacheResult.MISS));
        assertThat(cache.get("AAPL")).isEqualTo(new Priced<>("AAPL-1", CacheResult.HIT));
        assertThat(cache.getIfFresh("AAPL")).isEqualTo(new Priced<>("AAPL-1", CacheResult.HIT));

        assertThat(loads).hasValue(1);
        assertThat(cache.misses()).isEqualTo(1);
        assertThat(cache.hits()).isEqualTo(2);
        assertThat(cache.staleServed()).isZero();
        assertThat(cache.size()).isEqualTo(1);
        assertThat(registry.counter("bensbot.cache.quotes.hit").getCount()).isEqualTo(2);
        assertThat(registry.counter("bensbot.cache.quotes.miss").getCount()).isEqualTo(1);
    }

    @Test
    void getIfFreshNeverLoads() {
        PriceCache<String> cache = cache(symbol -> {
            throw new AssertionError("no load expected");
        });

        assertThat(cache.getIfFresh("AAPL")).isNull();
        assertThat(cache.hits()).isZero();
        assertThat(cache.misses()).isZero();
    }

    @Test
    void theLoadRunsOnTheCallingThread() {
        AtomicReference<Thread> loader = new AtomicReference<>();
        PriceCache<String> cache = cache(symbol -> {
            loader.set(Thread.currentThread());
            return Optional.of("v");
        });

        cache.get("AAPL");

        assertThat(loader.get()).isSameAs(Thread.currentThread());
    }

    @Test
    void concurrentMissesForOneSymbolShareOneLoad() throws InterruptedException {
        AtomicInteger loads = new AtomicInteger();
        AtomicReference<Thread> loader = new AtomicReference<>();
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PriceCache<String> cache = cache(symbol -> {
            loads.incrementAndGet();
            loader.set(Thread.currentThread());
            loading.countDown();
            await(release);
            return Optional.of("shared");
        });

        List<Caller> sixteen = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            sixteen.add(call(() -> cache.get("AAPL")));
        }
        await(loading);
        awaitTimedWaiting(sixteen, 15);
        release.countDown();

        for (Caller caller : sixteen) {
            assertThat(caller.result()).isEqualTo(new Priced<>("shared", CacheResult.MISS));
        }
        assertThat(loads).hasValue(1);
        assertThat(List.<Thread>copyOf(sixteen)).contains(loader.get());
        assertThat(cache.misses()).isEqualTo(16);
        assertThat(cache.get("AAPL").result()).isEqualTo(CacheResult.HIT);
    }

    @Test
    void differentSymbolsLoadConcurrently() throws InterruptedException {
        // Each load waits until both are inside the loader: this only finishes if they overlap.
        CountDownLatch bothLoading = new CountDownLatch(2);
        PriceCache<String> cache = cache(symbol -> {
            bothLoading.countDown();
            await(bothLoading);
            return Optional.of(symbol + "-1");
        });

        Caller aapl = call(() -> cache.get("AAPL"));
        Caller msft = call(() -> cache.get("MSFT"));

        assertThat(aapl.result().value()).isEqualTo("AAPL-1");
        assertThat(msft.result().value()).isEqualTo("MSFT-1");
    }

    @Test
    void atMostMaxConcurrentCallsLoadsRunAtOnce() throws InterruptedException {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch twoLoading = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        Semaphore permits = new Semaphore(2);
        PriceCache<String> cache = cache("quotes", Duration.ofHours(1), permits, LONG_WAIT, symbol -> {
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            loads.incrementAndGet();
            twoLoading.countDown();
            await(release);
            running.decrementAndGet();
            return Optional.of(symbol + "-1");
        }, PriceCacheTest::noBatch);

        List<Caller> five = new ArrayList<>();
        for (String symbol : List.of("A", "B", "C", "D", "E")) {
            five.add(call(() -> cache.get(symbol)));
        }
        await(twoLoading);
        awaitQueued(permits, 3);
        assertThat(running).hasValue(2);
        release.countDown();

        for (Caller caller : five) {
            assertThat(caller.result().result()).isEqualTo(CacheResult.MISS);
        }
        assertThat(loads).hasValue(5);
        assertThat(maxRunning).hasValue(2);
    }

    @Test
    void aPermitWaitLongerThanMaxWaitIsABrokerTimeoutAndIsNotCached() throws InterruptedException {
        // Quotes and trades share the permits: a blocked quote load holds the only one.
        Semaphore permits = new Semaphore(1);
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PriceCache<String> quotes = cache("quotes", Duration.ofHours(1), permits, SHORT_WAIT, symbol -> {
            loading.countDown();
            await(release);
            return Optional.of("quote");
        }, PriceCacheTest::noBatch);
        AtomicInteger tradeLoads = new AtomicInteger();
        PriceCache<String> trades = cache("trades", Duration.ofHours(1), permits, SHORT_WAIT, symbol -> {
            tradeLoads.incrementAndGet();
            return Optional.of("trade");
        }, PriceCacheTest::noBatch);

        Caller quote = call(() -> quotes.get("AAPL"));
        await(loading);

        assertThatThrownBy(() -> trades.get("AAPL")).isInstanceOfSatisfying(BrokerTimeoutException.class, e -> {
            assertThat(e.status()).isEqualTo(504);
            assertThat(e.type().uri()).isEqualTo("/problems/broker-timeout");
            assertThat(e.getMessage()).contains("data API").contains("100 ms");
        });
        assertThat(tradeLoads).hasValue(0);
        assertThat(trades.getIfFresh("AAPL")).isNull();
        assertThat(trades.misses()).isZero();

        release.countDown();
        assertThat(quote.result().value()).isEqualTo("quote");
        assertThat(permits.availablePermits()).isEqualTo(1);
        assertThat(trades.get("AAPL")).isEqualTo(new Priced<>("trade", CacheResult.MISS));
        assertThat(tradeLoads).hasValue(1);
    }

    @Test
    void aBrokerFailureServesTheLastGoodValueStale() {
        // A fresh TTL of zero: every call misses, while last-good values live for an hour.
        AtomicInteger loads = new AtomicInteger();
        BrokerException down = BrokerUnavailableException.serverError("data", 503);
        PriceCache<String> cache = cache("quotes", Duration.ZERO, new Semaphore(64), LONG_WAIT, symbol -> {
            if (loads.incrementAndGet() == 1) {
                return Optional.of("good");
            }
            throw down;
        }, PriceCacheTest::noBatch);

        assertThat(cache.get("AAPL")).isEqualTo(new Priced<>("good", CacheResult.MISS));
        Priced<String> stale = cache.get("AAPL");

        assertThat(stale).isEqualTo(new Priced<>("good", CacheResult.STALE));
        assertThat(stale.stale()).isTrue();
        assertThat(loads).hasValue(2);
        assertThat(cache.misses()).isEqualTo(1);
        assertThat(cache.staleServed()).isEqualTo(1);
        assertThat(cache.hits()).isZero();
    }

    @Test
    void aBrokerFailureWithoutLastGoodValueReachesTheCaller() {
        BrokerException down = BrokerUnavailableException.serverError("data", 503);
        PriceCache<String> cache = cache(symbol -> {
            throw down;
        });

        assertThatThrownBy(() -> cache.get("AAPL")).isSameAs(down);
        assertThat(cache.staleServed()).isZero();
        assertThat(cache.misses()).isZero();
    }

    @Test
    void aFailedLoadIsDroppedAndTheNextCallLoadsAgain() {
        AtomicInteger loads = new AtomicInteger();
        PriceCache<String> cache = cache(symbol -> {
            if (loads.incrementAndGet() == 1) {
                throw BrokerUnavailableException.serverError("data", 502);
            }
            return Optional.of("v");
        });

        assertThatThrownBy(() -> cache.get("AAPL")).isInstanceOf(BrokerUnavailableException.class);
        assertThat(cache.getIfFresh("AAPL")).isNull();
        assertThat(cache.size()).isZero();

        assertThat(cache.get("AAPL")).isEqualTo(new Priced<>("v", CacheResult.MISS));
        assertThat(loads).hasValue(2);
    }

    @Test
    void anErrorFromTheLoaderReachesTheCallerAndEveryWaiter() throws InterruptedException {
        LoaderError error = new LoaderError();
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PriceCache<String> cache = cache(symbol -> {
            if (loads.incrementAndGet() > 1) {
                return Optional.of("v");
            }
            loading.countDown();
            await(release);
            throw error;
        });

        List<Caller> four = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            four.add(call(() -> cache.get("AAPL")));
        }
        await(loading);
        awaitTimedWaiting(four, 3);
        release.countDown();

        for (Caller caller : four) {
            assertThat(caller.failure()).isSameAs(error);
        }
        assertThat(loads).hasValue(1);
        assertThat(cache.get("AAPL").value()).isEqualTo("v");
    }

    @Test
    void anUncheckedExceptionFromTheLoaderReachesTheCallerAsItIs() {
        IllegalStateException bug = new IllegalStateException("bug");
        AtomicInteger loads = new AtomicInteger();
        PriceCache<String> cache = cache(symbol -> {
            if (loads.incrementAndGet() == 1) {
                throw bug;
            }
            return Optional.of("v");
        });

        assertThatThrownBy(() -> cache.get("AAPL")).isSameAs(bug);
        assertThat(cache.get("AAPL").value()).isEqualTo("v");
    }

    @Test
    void aSymbolWithoutDataIsRememberedAsMissing() {
        AtomicInteger loads = new AtomicInteger();
        PriceCache<String> cache = cache(symbol -> {
            loads.incrementAndGet();
            return Optional.empty();
        });

        Priced<String> first = cache.get("NOPE");
        Priced<String> second = cache.get("NOPE");

        assertThat(first.found()).isFalse();
        assertThat(first.result()).isEqualTo(CacheResult.MISS);
        assertThat(second.found()).isFalse();
        assertThat(second.result()).isEqualTo(CacheResult.HIT);
        assertThat(loads).hasValue(1);
    }

    @Test
    void aBatchLoadsAllItsMissesInOneCall() {
        List<Set<String>> batches = new CopyOnWriteArrayList<>();
        Semaphore permits = new Semaphore(1);
        AtomicInteger permitsDuringLoad = new AtomicInteger(-1);
        PriceCache<String> cache = cache("quotes", Duration.ofHours(1), permits, LONG_WAIT,
                symbol -> Optional.of(symbol + "-1"), symbols -> {
                    batches.add(symbols);
                    permitsDuringLoad.set(permits.availablePermits());
                    Map<String, String> out = new ConcurrentHashMap<>();
                    symbols.stream().filter(s -> !s.equals("NOPE")).forEach(s -> out.put(s, s + "-b"));
                    return out;
                });
        cache.get("AAPL");

        PricedBatch<String> batch = cache.getAll(List.of("AAPL", "MSFT", "NOPE", "GE"));

        assertThat(batches).containsExactly(Set.of("MSFT", "NOPE", "GE"));
        assertThat(permitsDuringLoad).hasValue(0);
        assertThat(permits.availablePermits()).isEqualTo(1);
        assertThat(batch.values()).containsExactly(Map.entry("AAPL", "AAPL-1"), Map.entry("MSFT", "MSFT-b"),
                Map.entry("GE", "GE-b"));
        assertThat(batch.missing()).containsExactly("NOPE");
        assertThat(batch.stale()).isEmpty();
        assertThat(batch.result()).isEqualTo(CacheResult.MISS);
        assertThat(cache.hits()).isEqualTo(1);
        assertThat(cache.misses()).isEqualTo(4);

        PricedBatch<String> again = cache.getAll(List.of("AAPL", "MSFT", "NOPE", "GE"));
        assertThat(again.result()).isEqualTo(CacheResult.HIT);
        assertThat(again.missing()).containsExactly("NOPE");
        assertThat(batches).hasSize(1);
        assertThat(cache.get("MSFT")).isEqualTo(new Priced<>("MSFT-b", CacheResult.HIT));
    }

    @Test
    void aBatchWaitsForAPermitLikeASingleLoad() throws InterruptedException {
        Semaphore permits = new Semaphore(1);
        AtomicInteger batchLoads = new AtomicInteger();
        PriceCache<String> cache = cache("quotes", Duration.ofHours(1), permits, LONG_WAIT,
                symbol -> Optional.of(symbol + "-1"), symbols -> {
                    batchLoads.incrementAndGet();
                    Map<String, String> out = new ConcurrentHashMap<>();
                    symbols.forEach(s -> out.put(s, s + "-b"));
                    return out;
                });
        permits.acquireUninterruptibly();

        Caller batch = new Caller(() -> {
            PricedBatch<String> answer = cache.getAll(List.of("AAPL", "MSFT"));
            assertThat(answer.values()).containsExactly(Map.entry("AAPL", "AAPL-b"), Map.entry("MSFT", "MSFT-b"));
            return cache.get("AAPL");
        });
        callers.add(batch);
        batch.start();
        awaitQueued(permits, 1);
        assertThat(batchLoads).hasValue(0);
        permits.release();

        assertThat(batch.result()).isEqualTo(new Priced<>("AAPL-b", CacheResult.HIT));
        assertThat(batchLoads).hasValue(1);
        assertThat(permits.availablePermits()).isEqualTo(1);
    }

    @Test
    void aBatchPermitWaitLongerThanMaxWaitIsABrokerTimeout() {
        Semaphore permits = new Semaphore(0);
        AtomicInteger batchLoads = new AtomicInteger();
        PriceCache<String> cache = cache("quotes", Duration.ofHours(1), permits, SHORT_WAIT,
                symbol -> Optional.of(symbol + "-1"), symbols -> {
                    batchLoads.incrementAndGet();
                    return Map.of();
                });

        assertThatThrownBy(() -> cache.getAll(List.of("AAPL", "MSFT"))).isInstanceOf(BrokerTimeoutException.class);
        assertThat(batchLoads).hasValue(0);
        assertThat(cache.getIfFresh("AAPL")).isNull();
    }

    @Test
    void aBatchServesStaleSymbolsWhileTheBrokerFails() {
        AtomicInteger batchLoads = new AtomicInteger();
        PriceCache<String> cache = cache("quotes", Duration.ZERO, new Semaphore(64), LONG_WAIT,
                symbol -> Optional.empty(), symbols -> {
                    if (batchLoads.incrementAndGet() == 1) {
                        return Map.of("AAPL", "good");
                    }
                    throw BrokerUnavailableException.serverError("data", 503);
                });

        cache.getAll(List.of("AAPL"));
        PricedBatch<String> stale = cache.getAll(List.of("AAPL"));

        assertThat(stale.values()).containsExactly(Map.entry("AAPL", "good"));
        assertThat(stale.stale()).containsExactly("AAPL");
        assertThat(stale.result()).isEqualTo(CacheResult.STALE);
        assertThat(cache.staleServed()).isEqualTo(1);
        assertThatThrownBy(() -> cache.getAll(List.of("AAPL", "MSFT")))
                .isInstanceOf(BrokerUnavailableException.class);
    }

    @Test
    void clearEmptiesBothFreshAndLastGoodValues() {
        AtomicInteger loads = new AtomicInteger();
        PriceCache<String> cache = cache(symbol -> {
            if (loads.incrementAndGet() == 1) {
                return Optional.of("v");
            }
            throw BrokerUnavailableException.serverError("data", 503);
        });
        cache.get("AAPL");
        assertThat(cache.size()).isEqualTo(1);

        cache.clear();

        assertThat(cache.size()).isZero();
        assertThat(cache.getIfFresh("AAPL")).isNull();
        assertThatThrownBy(() -> cache.get("AAPL")).isInstanceOf(BrokerUnavailableException.class);
        assertThat(loads).hasValue(2);
    }
}
