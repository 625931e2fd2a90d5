package com.bensbot.trading.ops;

import com.bensbot.trading.broker.AlpacaClient;
import com.bensbot.trading.broker.BreakerState;
import com.bensbot.trading.broker.BreakerTransition;
import com.bensbot.trading.broker.BrokerApi;
import com.bensbot.trading.http.RequestMetrics;
import com.bensbot.trading.http.RouteMetrics;
import com.codahale.metrics.Snapshot;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** {@code GET /metrics}, {@code /metrics/live-data} and {@code /metrics/alpaca} (CONTRACT §3), read from the registry. */
@Path("/metrics")
@Produces(MediaType.APPLICATION_JSON)
public class MetricsResource {
    public record Endpoint(long count, long errors, long p50Ms, long p95Ms, long p99Ms, long slow, long verySlow) {
    }

    public record RateLimit(Map<String, Long> refusals, long alerts) {
    }

    public record Overview(long uptimeSeconds, boolean enabled, Map<String, Endpoint> endpoints, RateLimit rateLimit) {
    }

    public record LiveData(long uptimeSeconds, boolean enabled, Map<String, Endpoint> endpoints, RateLimit rateLimit,
                           CacheTotals cache) {
    }

    public record Breaker(BreakerState state, List<BreakerTransition> transitions) {
    }

    public record Alpaca(Map<String, Map<String, Long>> calls, long retries, long failures,
                         Map<String, Breaker> circuitBreakers, CacheTotals cache, Map<String, QuotaView.Usage> quota) {
    }

    private static final String LIVE_PREFIX = "/live/";

    private final RequestMetrics requests;
    private final AlpacaClient client;
    private final Caches caches;
    private final RateLimitView rateLimits;
    private final QuotaView quota;
    private final long startedNanos = System.nanoTime();

    /** {@code requests} is null when monitoring is off. */
    public MetricsResource(RequestMetrics requests, AlpacaClient client, Caches caches,
                           RateLimitView rateLimits, QuotaView quota) {
        this.requests = requests;
        this.client = client;
        this.caches = caches;
        this.rateLimits = rateLimits;
        this.quota = quota;
    }

    @GET
    public Overview overview() {
        return new Overview(uptimeSeconds(), requests != null, endpoints(route -> true), rateLimit());
    }

    @GET
    @Path("/live-data")
    public LiveData liveData() {
        return new LiveData(uptimeSeconds(), requests != null,
                endpoints(route -> route.template().startsWith(LIVE_PREFIX)), rateLimit(), caches.totals());
    }

    @GET
    @Path("/alpaca")
    public Alpaca alpaca() {
        Map<String, Map<String, Long>> calls = new TreeMap<>();
        Map<String, Breaker> breakers = new LinkedHashMap<>();
        long retries = 0;
        long failures = 0;
        for (BrokerApi api : List.of(client.trading(), client.data())) {
            api.metrics().callsByEndpoint().forEach((endpoint, byStatus) -> {
                Map<String, Long> merged = calls.computeIfAbsent(endpoint, key -> new TreeMap<>());
                byStatus.forEach((status, count) -> merged.merge(status, count, Long::sum));
            });
            retries += api.metrics().retries();
            failures += api.metrics().failures();
            breakers.put(api.name(), new Breaker(api.state(), api.transitions()));
        }
        return new Alpaca(calls, retries, failures, breakers, caches.totals(), new TreeMap<>(quota.usage()));
    }

    private long uptimeSeconds() {
        return (System.nanoTime() - startedNanos) / 1_000_000_000L;
    }

    private Map<String, Endpoint> endpoints(Predicate<RouteMetrics> wanted) {
        Map<String, Endpoint> out = new TreeMap<>();
        if (requests == null) {
            return out;
        }
        for (RouteMetrics route : requests.routes()) {
            if (wanted.test(route) && route.requests().getCount() > 0) {
                Snapshot snapshot = route.requests().getSnapshot();
                out.put(route.key(), new Endpoint(route.requests().getCount(), route.errors(),
                        millis(snapshot.getMedian()), millis(snapshot.get95thPercentile()),
                        millis(snapshot.get99thPercentile()), route.slow(), route.verySlow()));
            }
        }
        return out;
    }

    private RateLimit rateLimit() {
        return new RateLimit(refusals(rateLimits), rateLimits.alerts());
    }

    /** Every contract group, 0 where the limiter has refused nothing yet. */
    static Map<String, Long> refusals(RateLimitView view) {
        Map<String, Long> out = new TreeMap<>();
        RateLimitView.GROUPS.forEach(group -> out.put(group, 0L));
        out.putAll(view.refusalsByGroup());
        return out;
    }

    private static long millis(double nanos) {
        return Math.round(nanos / 1_000_000.0);
    }
}
