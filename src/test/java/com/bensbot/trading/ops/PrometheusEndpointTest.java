package com.bensbot.trading.ops;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricFilter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusEndpointTest {
    @Test
    void plainExportSkipsLabelledFamiliesAndNamesThatWouldClashWithThem() {
        MetricFilter filter = PrometheusEndpoint.unlabelled();
        Counter counter = new Counter();

        assertThat(filter.matches("bensbot.broker.data.calls.GET /v2/clock.200", counter)).isFalse();
        assertThat(filter.matches("bensbot.http.requests.GET /health", counter)).isFalse();
        assertThat(filter.matches("bensbot.ratelimit.alerts", counter)).isFalse();
        assertThat(filter.matches("bensbot.ratelimit.redis.failures", counter)).isTrue();
        assertThat(filter.matches("jvm.memory.heap.used", counter)).isTrue();
    }
}
