package com.bensbot.trading.ops;

import com.bensbot.trading.broker.AlpacaClient;
import com.bensbot.trading.broker.BreakerState;
import com.bensbot.trading.broker.BreakerTransition;
import com.bensbot.trading.broker.BrokerApi;
import com.bensbot.trading.broker.BrokerMetrics;
import com.bensbot.trading.broker.PriceCache;
import com.bensbot.trading.broker.Quote;
import com.bensbot.trading.broker.Trade;
import com.codahale.metrics.Snapshot;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /live/service-health}: how the broker connection has been doing, per API, with the caches. */
@Path("/live/service-health")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceHealthResource {
    public record Latency(double p50Ms, double p95Ms, double p99Ms, double maxMs) {
    }

    public record Breaker(BreakerState state, List<BreakerTransition> transitions) {
    }

    /** {@code store}: {@code local} or {@code redis}, where the tokens are counted now. */
    public record Quota(long limit, long used, long remaining, String store) {
    }

    public record ApiStats(long calls, long successes, long failures, Double successRate, long retries,
                           Latency latency, Breaker circuitBreaker, Map<String, Map<String, Long>> byEndpoint,
                           Quota quota) {
    }

    public record CacheStats(long hits, long misses, long stale, Double hitRate, long size) {
    }

    public record Body(boolean connected, long calls, long successes, long failures, Double successRate,
                       long retries, Map<String, ApiStats> apis, Map<String, Breaker> circuitBreakers,
                       Map<String, CacheStats> cache) {
    }

    private final AlpacaClient client;
    private final List<PriceCache<?>> caches;

    public ServiceHealthResource(AlpacaClient client, PriceCache<Quote> quotes, PriceCache<Trade> trades) {
        this.client = client;
        this.caches = List.of(quotes, trades);
    }

    @GET
    public Body serviceHealth() {
        Map<String, ApiStats> apis = new LinkedHashMap<>();
        Map<String, Breaker> breakers = new LinkedHashMap<>();
        long successes = 0;
        long failures = 0;
        long retries = 0;
        for (BrokerApi api : List.of(client.trading(), client.data())) {
            ApiStats stats = stats(api);
            apis.put(api.name(), stats);
            breakers.put(api.name(), stats.circuitBreaker());
            successes += stats.successes();
            failures += stats.failures();
            retries += stats.retries();
        }
        Map<String, CacheStats> cache = new LinkedHashMap<>();
        for (PriceCache<?> priceCache : caches) {
            cache.put(priceCache.name(), cacheStats(priceCache));
        }
        boolean connected = client.trading().state() != BreakerState.OPEN
                && client.data().state() != BreakerState.OPEN && client.health().lastCallSucceeded();
        return new Body(connected, successes + failures, successes, failures, rate(successes, successes + failures),
                retries, apis, breakers, cache);
    }

    private static ApiStats stats(BrokerApi api) {
        BrokerMetrics metrics = api.metrics();
        Snapshot snapshot = metrics.latency().getSnapshot();
        Latency latency = new Latency(ms(snapshot.getMedian()), ms(snapshot.get95thPercentile()),
                ms(snapshot.get99thPercentile()), ms(snapshot.getMax()));
        long ok = metrics.successes();
        long failed = metrics.failures();
        return new ApiStats(ok + failed, ok, failed, rate(ok, ok + failed), metrics.retries(), latency,
                new Breaker(api.state(), api.transitions()), metrics.callsByEndpoint(),
                new Quota(api.quota().limit(), api.quota().used(), api.quota().remaining(),
                        api.quota().store()));
    }

    static CacheStats cacheStats(PriceCache<?> cache) {
        long hits = cache.hits();
        long total = hits + cache.misses() + cache.staleServed();
        return new CacheStats(hits, cache.misses(), cache.staleServed(), rate(hits, total), cache.size());
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }

    private static double ms(double nanos) {
        return Math.round(nanos / 100_000.0) / 10.0;
    }
}
