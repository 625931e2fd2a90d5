package com.bensbot.trading.ops;

import com.codahale.metrics.MetricRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderMetricsTest {
    @Test
    void knownOutcomesExistFromStartAndCountInTheRegistry() {
        MetricRegistry registry = new MetricRegistry();
        OrderMetrics orders = new OrderMetrics(registry);

        assertThat(orders.counts()).containsEntry(OrderMetrics.ACCEPTED, 0L).containsEntry(OrderMetrics.REFUSED, 0L);
        orders.record(OrderMetrics.ACCEPTED);
        orders.record("broker_timeout");

        assertThat(orders.counts()).containsEntry(OrderMetrics.ACCEPTED, 1L).containsEntry("broker_timeout", 1L);
        assertThat(registry.counter("bensbot.orders.accepted").getCount()).isEqualTo(1);
    }

    @Test
    void outcomesAreShortWordsNeverArbitraryText() {
        OrderMetrics orders = new OrderMetrics(new MetricRegistry());

        assertThatThrownBy(() -> orders.record("AAPL buy 100")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> orders.record("")).isInstanceOf(IllegalArgumentException.class);
    }
}
