package com.bensbot.trading.trading;

import com.bensbot.trading.http.ProblemType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiveModeGuardTest {
    @Test
    void paperOrdersAlwaysPass() {
        assertThatCode(() -> new LiveModeGuard("paper", "sim", false, false).check()).doesNotThrowAnyException();
        assertThatCode(() -> new LiveModeGuard("paper", "https://paper-api.alpaca.markets", false, false).check())
                .doesNotThrowAnyException();
    }

    @Test
    void liveOrdersNeedProductionAndTheSwitch() {
        for (LiveModeGuard guard : new LiveModeGuard[]{
                new LiveModeGuard("live", "https://proxy.example", false, true),
                new LiveModeGuard("live", "https://proxy.example", true, false),
                new LiveModeGuard("paper", "https://api.alpaca.markets/", true, false)}) {
            assertThat(guard.ordersAreLive()).isTrue();
            assertThatThrownBy(guard::check).isInstanceOfSatisfying(OrderRefusedException.class, e -> {
                assertThat(e.type()).isEqualTo(ProblemType.LIVE_TRADING_DISABLED);
                assertThat(e.status()).isEqualTo(403);
                assertThat(e.layer()).isEqualTo(OrderLayer.MODE);
            });
        }
        assertThatCode(() -> new LiveModeGuard("live", "https://api.alpaca.markets", true, true).check())
                .doesNotThrowAnyException();
    }
}
