package com.bensbot.trading.ops;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricFilter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.ScheduledReporter;
import com.codahale.metrics.Timer;
import com.codahale.metrics.graphite.Graphite;
import com.codahale.metrics.graphite.GraphiteReporter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.dropwizard.metrics.common.BaseReporterFactory;
import io.dropwizard.validation.PortRange;
import jakarta.validation.constraints.NotNull;

import java.util.SortedMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code metrics.reporters: - type: graphite}: the registry to Graphite's plaintext protocol over TCP, every
 * {@code metrics.frequency}. A blank {@code host} ({@code GRAPHITE_HOST} unset) builds a reporter that does nothing,
 * so one configuration file serves deployments with and without Graphite.
 */
@JsonTypeName("graphite")
public class GraphiteReporterFactory extends BaseReporterFactory {
    @NotNull
    private String host = "";
    @PortRange
    private int port = 2003;
    @NotNull
    private String prefix = "";

    @JsonProperty
    public String getHost() {
        return host;
    }

    @JsonProperty
    public void setHost(String host) {
        this.host = host == null ? "" : host.trim();
    }

    @JsonProperty
    public int getPort() {
        return port;
    }

    @JsonProperty
    public void setPort(int port) {
        this.port = port;
    }

    @JsonProperty
    public String getPrefix() {
        return prefix;
    }

    @JsonProperty
    public void setPrefix(String prefix) {
        this.prefix = prefix == null ? "" : prefix;
    }

    public boolean isEnabled() {
        return !host.isEmpty();
    }

    @Override
    public ScheduledReporter build(MetricRegistry registry) {
        if (!isEnabled()) {
            return new DisabledReporter(registry);
        }
        GraphiteReporter.Builder builder = GraphiteReporter.forRegistry(registry)
                .convertDurationsTo(getDurationUnit())
                .convertRatesTo(getRateUnit())
                .filter(getFilter())
                .disabledMetricAttributes(getDisabledAttributes());
        if (!prefix.isEmpty()) {
            builder.prefixedWith(prefix);
        }
        // Resolved on each connect, so a Graphite host that moves or starts late is still found.
        return builder.build(new Graphite(host, port));
    }

    /** Reports nothing and schedules nothing. */
    static final class DisabledReporter extends ScheduledReporter {
        DisabledReporter(MetricRegistry registry) {
            super(registry, "graphite-disabled", MetricFilter.ALL, TimeUnit.SECONDS, TimeUnit.MILLISECONDS);
        }

        @Override
        public synchronized void start(long initialDelay, long period, TimeUnit unit) {
            // No Graphite host: nothing to schedule.
        }

        @Override
        @SuppressWarnings("rawtypes")
        public void report(SortedMap<String, Gauge> gauges, SortedMap<String, Counter> counters,
                           SortedMap<String, Histogram> histograms, SortedMap<String, Meter> meters,
                           SortedMap<String, Timer> timers) {
            // No Graphite host: nothing to send.
        }
    }
}
