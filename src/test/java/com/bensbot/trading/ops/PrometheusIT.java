package com.bensbot.trading.ops;

import com.bensbot.trading.TradingConfiguration;
import com.bensbot.trading.support.Http;
import com.bensbot.trading.support.TestApps;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /prometheus} on the admin port, on the simulator: the CONTRACT §7 series, the format, the shipped files. */
@ExtendWith(DropwizardExtensionsSupport.class)
class PrometheusIT {
    private static final DropwizardAppExtension<TradingConfiguration> APP = TestApps.onSimulator();
    private static final Pattern SAMPLE = Pattern.compile(
            "[a-zA-Z_:][a-zA-Z0-9_:]*(\\{.*})? (-?[0-9.]+([eE][-+]?[0-9]+)?|NaN|[+-]Inf)");
    private static final Pattern METRIC_NAME = Pattern.compile("\\bbensbot_[a-z0-9_]+");

    private Http http;
    private Http admin;

    @BeforeEach
    void setUp() {
        http = Http.localhost(APP.getLocalPort());
        admin = Http.localhost(APP.getAdminPort());
        http.get("/live/quote/AAPL");
        http.get("/live/quote/AAPL");
        http.get("/live/quote/NOSUCHSYM");
        http.get("/no/such/path-xyz");
    }

    private String scrape() {
        Http.Answer answer = admin.get("/prometheus");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("text/plain");
        return answer.body();
    }

    @Test
    void contractSeriesExistWithTheirLabels() {
        String text = scrape();

        assertThat(text).contains(
                "bensbot_circuit_breaker_state{api=\"trading\"} 0",
                "bensbot_circuit_breaker_state{api=\"data\"} 0",
                "bensbot_broker_calls_total{api=\"data\",endpoint=\"GET /v2/stocks/{symbol}/quotes/latest\",status=\"200\"}",
                "bensbot_broker_quota_remaining{api=\"trading\"}",
                "bensbot_broker_quota_remaining{api=\"data\"}",
                "bensbot_orders_total{outcome=\"accepted\"} 0",
                "bensbot_ratelimit_refusals_total{group=\"trading\"} 0",
                "bensbot_ratelimit_refusals_total{group=\"default\"} 0",
                "bensbot_ratelimit_alerts_total 0",
                "bensbot_cache_requests_total{result=\"hit\"}",
                "bensbot_cache_requests_total{result=\"miss\"}",
                "bensbot_cache_requests_total{result=\"stale\"}",
                "bensbot_http_request_duration_seconds{method=\"GET\",route=\"/live/quote/{symbol}\",quantile=\"0.99\"}",
                "bensbot_http_request_duration_seconds_count{method=\"GET\",route=\"/live/quote/{symbol}\"}",
                "bensbot_http_request_errors_total{method=\"GET\",route=\"<unmatched>\"} 0");
        assertThat(text).contains("# TYPE bensbot_broker_calls_total counter", "# TYPE bensbot_circuit_breaker_state gauge");
    }

    @Test
    void everyLineIsACommentOrASample() {
        for (String line : scrape().split("\n")) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                assertThat(SAMPLE.matcher(line).matches()).as(line).isTrue();
            }
        }
    }

    @Test
    void noRawPathsSymbolsOrClientAddresses() {
        String text = scrape();

        assertThat(text).doesNotContain("NOSUCHSYM", "path-xyz", "AAPL");
        assertThat(Pattern.compile("=\"[^\"]*\\d+\\.\\d+\\.\\d+\\.\\d+").matcher(text).find())
                .as("an IP address as a label value").isFalse();
        // Registry metrics the gateway exports with labels do not appear a second time under flattened names.
        assertThat(text).doesNotContain("bensbot_broker_data_calls", "bensbot_http_requests_GET");
    }

    @Test
    void prometheusAndPingAreOpenOnTheAdminPort() {
        assertThat(admin.get("/prometheus").status()).isEqualTo(200);
        assertThat(admin.get("/ping").status()).isEqualTo(200);
        assertThat(admin.get("/healthcheck").body()).contains("\"alpaca\"", "\"circuit-breaker\"");
    }

    @Test
    void alertsAndDashboardUseOnlyExportedMetrics() throws IOException {
        String text = scrape();
        Set<String> exported = new TreeSet<>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                exported.add(line.split("[{ ]", 2)[0]);
            }
        }
        String alerts = Files.readString(Path.of("ops/prometheus-alerts.yml"));
        String dashboard = Files.readString(Path.of("ops/grafana-dashboard.json"));
        new ObjectMapper().readTree(dashboard);
        assertThat(alerts).contains("groups:", "rules:");

        Set<String> referenced = new TreeSet<>();
        referenced.addAll(names(alerts));
        referenced.addAll(names(dashboard));
        assertThat(referenced).contains("bensbot_circuit_breaker_state", "bensbot_broker_calls_total",
                "bensbot_http_request_duration_seconds", "bensbot_ratelimit_alerts_total",
                "bensbot_cache_requests_total", "bensbot_broker_quota_remaining");
        assertThat(exported).containsAll(referenced);
    }

    private static Set<String> names(String text) {
        Set<String> out = new TreeSet<>();
        Matcher matcher = METRIC_NAME.matcher(text);
        while (matcher.find()) {
            out.add(matcher.group());
        }
        return out;
    }
}
