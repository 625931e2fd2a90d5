package com.bensbot.trading.ratelimit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RouteClassifierTest {
    private final RouteClassifier main = RouteClassifier.mainPort();

    @Test
    void tradingWritesAreTrading() {
        assertThat(main.classify("POST", "/trading/orders")).isEqualTo(RateGroup.TRADING);
        assertThat(main.classify("DELETE", "/trading/orders/abc")).isEqualTo(RateGroup.TRADING);
    }

    @Test
    void readsOfLiveAndTradingAreData() {
        assertThat(main.classify("GET", "/live/quote/AAPL")).isEqualTo(RateGroup.DATA);
        assertThat(main.classify("GET", "/live/service-health")).isEqualTo(RateGroup.DATA);
        assertThat(main.classify("GET", "/trading/account")).isEqualTo(RateGroup.DATA);
        assertThat(main.classify("HEAD", "/live/clock")).isEqualTo(RateGroup.DATA);
    }

    @Test
    void adminRoutesAreAdminWhateverTheMethod() {
        assertThat(main.classify("POST", "/live/reset-circuit-breaker")).isEqualTo(RateGroup.ADMIN);
        assertThat(main.classify("GET", "/live/reset-circuit-breaker")).isEqualTo(RateGroup.ADMIN);
        assertThat(main.classify("GET", "/admin/audit")).isEqualTo(RateGroup.ADMIN);
        assertThat(RouteClassifier.adminTasks().classify("POST", "/tasks/halt-trading")).isEqualTo(RateGroup.ADMIN);
    }

    @Test
    void everythingElseIsDefault() {
        assertThat(main.classify("GET", "/metrics")).isEqualTo(RateGroup.DEFAULT);
        assertThat(main.classify("GET", "/openapi.json")).isEqualTo(RateGroup.DEFAULT);
        assertThat(main.classify("GET", "/nowhere")).isEqualTo(RateGroup.DEFAULT);
        assertThat(main.classify("GET", "/")).isEqualTo(RateGroup.DEFAULT);
        assertThat(main.classify("OPTIONS", "/trading/orders")).isEqualTo(RateGroup.DEFAULT);
        assertThat(main.classify("OPTIONS", "/live/quote/AAPL")).isEqualTo(RateGroup.DEFAULT);
        assertThat(main.classify("PUT", "/trading/orders")).isEqualTo(RateGroup.DEFAULT);
        assertThat(main.classify("POST", "/live/quote/AAPL")).isEqualTo(RateGroup.DEFAULT);
        assertThat(main.classify("GET", "/trading")).isEqualTo(RateGroup.DEFAULT);
        assertThat(main.classify("GET", "/livex")).isEqualTo(RateGroup.DEFAULT);
    }

    @Test
    void healthIsNeverLimited() {
        assertThat(main.classify("GET", "/health")).isNull();
        assertThat(main.classify("GET", "/live/health")).isNull();
        assertThat(main.classify("HEAD", "/health")).isNull();
        assertThat(main.classify("GET", "/health/")).isEqualTo(RateGroup.DEFAULT);
        assertThat(main.classify("GET", "/live/healthz")).isEqualTo(RateGroup.DATA);
    }
}
