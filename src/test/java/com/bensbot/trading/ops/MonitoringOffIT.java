package com.bensbot.trading.ops;

import com.bensbot.trading.TradingConfiguration;
import com.bensbot.trading.http.TimingFilter;
import com.bensbot.trading.support.Http;
import com.bensbot.trading.support.LogCapture;
import com.bensbot.trading.support.TestApps;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ENABLE_PERFORMANCE_MONITORING=false}: no route timings, no slow logs; Server-Timing stays. */
@ExtendWith(DropwizardExtensionsSupport.class)
class MonitoringOffIT {
    private static final DropwizardAppExtension<TradingConfiguration> APP = TestApps.onSimulator(
            ConfigOverride.config("monitoring.enabled", "false"),
            ConfigOverride.config("monitoring.slowRequestThreshold", "0ms"),
            ConfigOverride.config("monitoring.verySlowRequestThreshold", "0ms"));

    @Test
    void metricsReportMonitoringOffWithoutEndpointTimings() {
        Http http = Http.localhost(APP.getLocalPort());
        try (LogCapture log = LogCapture.of(TimingFilter.class)) {
            Http.Answer quote = http.get("/live/quote/AAPL");
            assertThat(quote.status()).isEqualTo(200);
            assertThat(quote.header("Server-Timing")).startsWith("app;dur=");
            assertThat(log.events()).as("no slow-request lines with monitoring off").isEmpty();
        }

        JsonNode metrics = http.get("/metrics").json();
        assertThat(metrics.get("enabled").asBoolean()).isFalse();
        assertThat(metrics.get("endpoints").isEmpty()).isTrue();
        assertThat(metrics.get("uptimeSeconds").isIntegralNumber()).isTrue();
        assertThat(metrics.get("rateLimit").has("refusals")).isTrue();
        JsonNode live = http.get("/metrics/live-data").json();
        assertThat(live.get("enabled").asBoolean()).isFalse();
        assertThat(live.get("endpoints").isEmpty()).isTrue();
        assertThat(live.get("cache").get("misses").asLong()).isPositive();

        String prometheus = Http.localhost(APP.getAdminPort()).get("/prometheus").body();
        assertThat(prometheus).doesNotContain("bensbot_http_request_duration_seconds");
        assertThat(prometheus).contains("bensbot_circuit_breaker_state");
    }
}
