package com.bensbot.trading.ops;

import com.bensbot.trading.broker.AlpacaClient;
import com.bensbot.trading.broker.BrokerApi;
import com.bensbot.trading.http.RequestMetrics;
import com.bensbot.trading.http.RouteMetrics;
import com.codahale.metrics.Snapshot;
import com.codahale.metrics.Timer;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;

import java.util.List;
import java.util.Map;

/**
 * The gateway's own Prometheus series with labels (CONTRACT §7), read from the metrics the services keep in the
 * Dropwizard registry. Dropwizard names carry no labels, so these families are built here; every other registry
 * metric goes through {@code DropwizardExports} (see {@link PrometheusEndpoint}). Durations are in seconds;
 * counter names get {@code _total} from the exposition format.
 */
public final class GatewayCollector implements MultiCollector {
    static final List<String> NAMES = List.of(
            "bensbot_circuit_breaker_state", "bensbot_broker_calls", "bensbot_broker_retries",
            "bensbot_broker_failures", "bensbot_broker_latency_seconds", "bensbot_broker_quota_remaining",
            "bensbot_broker_quota_used", "bensbot_orders", "bensbot_ratelimit_refusals", "bensbot_ratelimit_alerts",
            "bensbot_cache_requests", "bensbot_cache_entries", "bensbot_http_request_duration_seconds",
            "bensbot_http_request_errors", "bensbot_http_slow_requests", "bensbot_http_very_slow_requests");
    private static final double NANOS_PER_SECOND = 1_000_000_000.0;

    private final AlpacaClient client;
    private final Caches caches;
    private final RequestMetrics requests;
    private final OrderMetrics orders;
    private final RateLimitView rateLimits;
    private final QuotaView quota;

    /** {@code requests} is null when monitoring is off: no request series then. */
    public GatewayCollector(AlpacaClient client, Caches caches, RequestMetrics requests,
                            OrderMetrics orders, RateLimitView rateLimits, QuotaView quota) {
        this.client = client;
        this.caches = caches;
        this.requests = requests;
        this.orders = orders;
        this.rateLimits = rateLimits;
        this.quota = quota;
    }

    @Override
    public List<String> getPrometheusNames() {
        return NAMES;
    }

    @Override
    public MetricSnapshots collect() {
        MetricSnapshots.Builder out = MetricSnapshots.builder();
        collectBroker(out);
        collectQuota(out);
        out.metricSnapshot(counter("bensbot_orders", "Order requests by outcome", "outcome", orders.counts()));
        out.metricSnapshot(counter("bensbot_ratelimit_refusals", "Requests refused by the client rate limiter",
                "group", MetricsResource.refusals(rateLimits)));
        out.metricSnapshot(CounterSnapshot.builder().name("bensbot_ratelimit_alerts")
                .help("Rate-limit alerts: a client refused more than the alert threshold in one window")
                .dataPoint(CounterDataPointSnapshot.builder().value(rateLimits.alerts()).build()).build());
        collectCache(out);
        if (requests != null) {
            collectRequests(out);
        }
        return out.build();
    }

    private void collectBroker(MetricSnapshots.Builder out) {
        GaugeSnapshot.Builder state = GaugeSnapshot.builder().name("bensbot_circuit_breaker_state")
                .help("Circuit breaker state per broker API: 0 closed, 1 half-open, 2 open");
        CounterSnapshot.Builder calls = CounterSnapshot.builder().name("bensbot_broker_calls")
                .help("Broker attempts by API, endpoint template and status (HTTP status, timeout or error)");
        CounterSnapshot.Builder retries = CounterSnapshot.builder().name("bensbot_broker_retries")
                .help("Broker call retries per API");
        CounterSnapshot.Builder failures = CounterSnapshot.builder().name("bensbot_broker_failures")
                .help("Failed broker attempts per API");
        SummarySnapshot.Builder latency = SummarySnapshot.builder().name("bensbot_broker_latency_seconds")
                .help("Latency of broker attempts per API");
        for (BrokerApi api : List.of(client.trading(), client.data())) {
            Labels labels = Labels.of("api", api.name());
            state.dataPoint(GaugeDataPointSnapshot.builder().labels(labels).value(api.state().gauge()).build());
            for (Map.Entry<String, Map<String, Long>> endpoint : api.metrics().callsByEndpoint().entrySet()) {
                endpoint.getValue().forEach((status, count) -> calls.dataPoint(CounterDataPointSnapshot.builder()
                        .labels(Labels.of("api", api.name(), "endpoint", endpoint.getKey(), "status", status))
                        .value(count).build()));
            }
            retries.dataPoint(CounterDataPointSnapshot.builder().labels(labels).value(api.metrics().retries()).build());
            failures.dataPoint(CounterDataPointSnapshot.builder().labels(labels).value(api.metrics().failures())
                    .build());
            latency.dataPoint(summary(labels, api.metrics().latency()));
        }
        out.metricSnapshot(state.build());
        out.metricSnapshot(calls.build());
        out.metricSnapshot(retries.build());
        out.metricSnapshot(failures.build());
        out.metricSnapshot(latency.build());
    }

    private void collectQuota(MetricSnapshots.Builder out) {
        GaugeSnapshot.Builder remaining = GaugeSnapshot.builder().name("bensbot_broker_quota_remaining")
                .help("Broker requests left in the current quota window per API");
        GaugeSnapshot.Builder used = GaugeSnapshot.builder().name("bensbot_broker_quota_used")
                .help("Broker requests spent in the current quota window per API");
        quota.usage().forEach((api, usage) -> {
            remaining.dataPoint(GaugeDataPointSnapshot.builder().labels(Labels.of("api", api))
                    .value(usage.remaining()).build());
            used.dataPoint(GaugeDataPointSnapshot.builder().labels(Labels.of("api", api)).value(usage.used()).build());
        });
        out.metricSnapshot(remaining.build());
        out.metricSnapshot(used.build());
    }

    private void collectCache(MetricSnapshots.Builder out) {
        CacheTotals totals = caches.totals();
        CounterSnapshot.Builder lookups = CounterSnapshot.builder().name("bensbot_cache_requests")
                .help("Price cache look-ups by result: hit, miss, stale");
        lookups.dataPoint(cacheResult("hit", totals.hits()));
        lookups.dataPoint(cacheResult("miss", totals.misses()));
        lookups.dataPoint(cacheResult("stale", totals.stale()));
        out.metricSnapshot(lookups.build());
        out.metricSnapshot(GaugeSnapshot.builder().name("bensbot_cache_entries")
                .help("Symbols in the price caches")
                .dataPoint(GaugeDataPointSnapshot.builder().value(totals.size()).build()).build());
    }

    private static CounterDataPointSnapshot cacheResult(String result, long count) {
        return CounterDataPointSnapshot.builder().labels(Labels.of("result", result)).value(count).build();
    }

    private void collectRequests(MetricSnapshots.Builder out) {
        SummarySnapshot.Builder duration = SummarySnapshot.builder().name("bensbot_http_request_duration_seconds")
                .help("Main-port request duration by method and route template");
        CounterSnapshot.Builder errors = CounterSnapshot.builder().name("bensbot_http_request_errors")
                .help("Main-port 5xx answers by method and route template");
        CounterSnapshot.Builder slow = CounterSnapshot.builder().name("bensbot_http_slow_requests")
                .help("Requests over monitoring.slowRequestThreshold (very slow ones included)");
        CounterSnapshot.Builder verySlow = CounterSnapshot.builder().name("bensbot_http_very_slow_requests")
                .help("Requests over monitoring.verySlowRequestThreshold");
        for (RouteMetrics route : requests.routes()) {
            Labels labels = Labels.of("method", route.method(), "route", route.template());
            duration.dataPoint(summary(labels, route.requests()));
            errors.dataPoint(CounterDataPointSnapshot.builder().labels(labels).value(route.errors()).build());
            slow.dataPoint(CounterDataPointSnapshot.builder().labels(labels).value(route.slow()).build());
            verySlow.dataPoint(CounterDataPointSnapshot.builder().labels(labels).value(route.verySlow()).build());
        }
        out.metricSnapshot(duration.build());
        out.metricSnapshot(errors.build());
        out.metricSnapshot(slow.build());
        out.metricSnapshot(verySlow.build());
    }

    private static CounterSnapshot counter(String name, String help, String label, Map<String, Long> values) {
        CounterSnapshot.Builder builder = CounterSnapshot.builder().name(name).help(help);
        values.forEach((value, count) -> builder.dataPoint(CounterDataPointSnapshot.builder()
                .labels(Labels.of(label, value)).value(count).build()));
        return builder.build();
    }

    private static SummaryDataPointSnapshot summary(Labels labels, Timer timer) {
        Snapshot snapshot = timer.getSnapshot();
        Quantiles quantiles = Quantiles.builder()
                .quantile(0.5, snapshot.getMedian() / NANOS_PER_SECOND)
                .quantile(0.95, snapshot.get95thPercentile() / NANOS_PER_SECOND)
                .quantile(0.99, snapshot.get99thPercentile() / NANOS_PER_SECOND)
                .build();
        return SummaryDataPointSnapshot.builder().labels(labels).quantiles(quantiles).count(timer.getCount()).build();
    }
}
