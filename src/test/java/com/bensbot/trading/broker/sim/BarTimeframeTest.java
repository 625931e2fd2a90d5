package com.bensbot.trading.broker.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BarTimeframeTest {

    @ParameterizedTest
    @CsvSource({"1Min,1Min", "59T,59Min", "1H,1Hour", "23Hour,23Hour", "1D,1Day", "1W,1Week", "6M,6Month", "12Month,12Month"})
    void parsesAlpacaForms(String text, String label) {
        assertThat(BarTimeframe.parse(text)).map(BarTimeframe::label).contains(label);
    }

    @Test
    void refusesOutOfRangeAmounts() {
        assertThat(BarTimeframe.parse("0Min")).isEmpty();
        assertThat(BarTimeframe.parse("60Min")).isEmpty();
        assertThat(BarTimeframe.parse("24H")).isEmpty();
        assertThat(BarTimeframe.parse("2D")).isEmpty();
        assertThat(BarTimeframe.parse("5M")).isEmpty();
    }

    @Test
    void alignsIntradayBarsToEpochAndLongerBarsToNewYorkMidnight() {
        Instant instant = Instant.parse("2026-11-25T15:47:12Z");

        assertThat(BarTimeframe.parse("15Min").orElseThrow().startOfBarContaining(instant))
                .isEqualTo(Instant.parse("2026-11-25T15:45:00Z"));
        assertThat(BarTimeframe.parse("1Day").orElseThrow().startOfBarContaining(instant))
                .isEqualTo(Instant.parse("2026-11-25T05:00:00Z"));
        assertThat(BarTimeframe.parse("1Week").orElseThrow().startOfBarContaining(instant))
                .isEqualTo(Instant.parse("2026-11-23T05:00:00Z"));
        assertThat(BarTimeframe.parse("3Month").orElseThrow().startOfBarContaining(instant))
                .isEqualTo(Instant.parse("2026-10-01T04:00:00Z"));
    }

    @Test
    void stepsAcrossDaylightSavingChanges() {
        BarTimeframe day = BarTimeframe.parse("1Day").orElseThrow();
        Instant saturday = Instant.parse("2026-10-31T04:00:00Z");

        assertThat(day.next(saturday)).isEqualTo(Instant.parse("2026-11-01T04:00:00Z"));
        assertThat(day.next(day.next(saturday))).isEqualTo(Instant.parse("2026-11-02T05:00:00Z"));
        assertThat(day.previous(Instant.parse("2026-11-02T05:00:00Z"))).isEqualTo(Instant.parse("2026-11-01T04:00:00Z"));
    }
}
