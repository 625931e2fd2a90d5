package com.bensbot.trading.http;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.util.Duration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Small pieces of request observability: log-safe text, Server-Timing values, route keys and speeds. */
class ObservabilityUnitsTest {
    @Test
    void logSafeNeutralisesLineBreaksAndControlCharacters() {
        assertThat(LogSafe.clean("plain /live/quote/AAPL")).isEqualTo("plain /live/quote/AAPL");
        assertThat(LogSafe.clean("a\r\nINFO forged")).isEqualTo("a\\r\\nINFO forged");
        assertThat(LogSafe.clean("bell\u0007tab\t")).isEqualTo("bell?tab?");
        assertThat(LogSafe.clean("x".repeat(1000))).hasSize(LogSafe.MAX_LENGTH + 1).endsWith("…");
        assertThat(LogSafe.clean(null)).isNull();
    }

    @Test
    void serverTimingHasOneDecimalOfMilliseconds() {
        assertThat(ServerTiming.value(12_345_678)).isEqualTo("app;dur=12.3");
        assertThat(ServerTiming.value(12_350_000)).isEqualTo("app;dur=12.4");
        assertThat(ServerTiming.value(40_000)).isEqualTo("app;dur=0.0");
        assertThat(ServerTiming.value(2_000_000_000L)).isEqualTo("app;dur=2000.0");
        assertThat(ServerTiming.forRequest("not a start")).isNull();
    }

    @Test
    void routeTemplatesDropParameterPatterns() {
        assertThat(RouteTemplates.withoutPatterns("/live/quote/{symbol}")).isEqualTo("/live/quote/{symbol}");
        assertThat(RouteTemplates.withoutPatterns("/orders/{id: [0-9a-f]{8}}/x")).isEqualTo("/orders/{id}/x");
    }

    @Test
    void methodsOutsideTheStandardOnesShareOneKey() {
        assertThat(HttpMethods.normalise("GET")).isEqualTo("GET");
        assertThat(HttpMethods.normalise("PROPFIND")).isEqualTo(HttpMethods.OTHER);
        assertThat(HttpMethods.normalise("get")).isEqualTo(HttpMethods.OTHER);

        RequestMetrics metrics = new RequestMetrics(new MetricRegistry(), new MonitoringConfig());
        assertThat(metrics.unmatched("BREW")).isSameAs(metrics.unmatched("PROPFIND"));
        assertThat(metrics.unmatched("BREW").key()).isEqualTo("OTHER <unmatched>");
    }

    @Test
    void speedFollowsTheThresholdsAndVerySlowCountsAsSlow() {
        MonitoringConfig config = new MonitoringConfig();
        config.setSlowRequestThreshold(Duration.milliseconds(100));
        config.setVerySlowRequestThreshold(Duration.milliseconds(300));
        RequestMetrics metrics = new RequestMetrics(new MetricRegistry(), config);
        RouteMetrics route = metrics.route("GET", "/x");

        assertThat(metrics.record(route, 200, 99_000_000L)).isEqualTo(RequestMetrics.Speed.NORMAL);
        assertThat(metrics.record(route, 503, 100_000_000L)).isEqualTo(RequestMetrics.Speed.SLOW);
        assertThat(metrics.record(route, 200, 300_000_000L)).isEqualTo(RequestMetrics.Speed.VERY_SLOW);
        assertThat(route.requests().getCount()).isEqualTo(3);
        assertThat(route.errors()).isEqualTo(1);
        assertThat(route.slow()).isEqualTo(2);
        assertThat(route.verySlow()).isEqualTo(1);
    }

    @Test
    void thresholdsMustBeInOrder() {
        MonitoringConfig config = new MonitoringConfig();
        config.setSlowRequestThreshold(Duration.seconds(3));
        assertThat(config.isThresholdOrderValid()).isFalse();
        config.setVerySlowRequestThreshold(Duration.seconds(3));
        assertThat(config.isThresholdOrderValid()).isTrue();
    }
}
