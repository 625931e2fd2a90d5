package com.bensbot.trading.ops;

import com.codahale.metrics.MetricFilter;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.setup.AdminEnvironment;
import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.PrometheusNaming;

import java.util.List;
import java.util.Set;

/**
 * {@code /prometheus} on the admin port: the whole {@link MetricRegistry} in Prometheus text format. The families
 * that {@link GatewayCollector} exports with labels are left out of the plain Dropwizard export, so no series
 * appears twice or with a raw endpoint in its name; so is any registry metric whose flattened name would clash
 * with one of them (a clash fails the whole scrape).
 */
public final class PrometheusEndpoint {
    public static final String PATH = "/prometheus";
    /** Registry prefixes of the metrics {@link GatewayCollector} exports. */
    static final List<String> LABELLED_PREFIXES = List.of(
            "bensbot.http.", "bensbot.broker.", "bensbot.cache.", "bensbot.orders.");

    private PrometheusEndpoint() {
    }

    public static PrometheusRegistry registry(MetricRegistry metrics, GatewayCollector gateway) {
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new DropwizardExports(metrics, unlabelled()));
        registry.register(gateway);
        return registry;
    }

    public static void install(AdminEnvironment admin, PrometheusRegistry registry) {
        admin.addServlet("prometheus", new PrometheusMetricsServlet(registry)).addMapping(PATH);
    }

    static MetricFilter unlabelled() {
        Set<String> taken = Set.copyOf(GatewayCollector.NAMES);
        return (name, metric) -> {
            for (String prefix : LABELLED_PREFIXES) {
                if (name.startsWith(prefix)) {
                    return false;
                }
            }
            return !taken.contains(PrometheusNaming.prometheusName(PrometheusNaming.sanitizeMetricName(name)));
        };
    }
}
