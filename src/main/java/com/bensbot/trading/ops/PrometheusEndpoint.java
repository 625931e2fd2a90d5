package com.bensbot.trading.ops;

import com.codahale.metrics.MetricFilter;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.setup.AdminEnvironment;
import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.util.List;

/**
 * {@code /prometheus} on the admin port: the whole {@link MetricRegistry} in Prometheus text format. The families
 * that {@link GatewayCollector} exports with labels are left out of the plain Dropwizard export, so no series
 * appears twice or with a raw endpoint in its name.
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
        return (name, metric) -> {
            for (String prefix : LABELLED_PREFIXES) {
                if (name.startsWith(prefix)) {
                    return false;
                }
            }
            return true;
        };
    }
}
