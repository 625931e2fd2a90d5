package com.bensbot.trading.broker.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bensbot.trading.broker.sim.SimFaults.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SimFaultsTest {

    @ParameterizedTest
    @CsvSource({"error,ERROR", "TIMEOUT,TIMEOUT", "Rate-Limit,RATE_LIMIT", " reset ,RESET", "off,OFF"})
    void parsesOperatorLabelsCaseInsensitively(String text, Mode expected) {
        assertThat(Mode.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "rate_limit", "ratelimit", "errors", "slow"})
    void refusesAnythingElse(String text) {
        assertThatThrownBy(() -> Mode.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("error, timeout, rate-limit, reset");
    }

    @Test
    void countedFaultTurnsItselfOff() {
        SimFaults faults = new SimFaults();
        faults.set(Mode.TIMEOUT, 2);

        assertThat(faults.state().toString()).isEqualTo("mode=timeout remaining=2");
        assertThat(faults.nextRequest()).isEqualTo(Mode.TIMEOUT);
        assertThat(faults.nextRequest()).isEqualTo(Mode.TIMEOUT);
        assertThat(faults.nextRequest()).isEqualTo(Mode.OFF);
        assertThat(faults.state()).isEqualTo(new SimFaults.State(Mode.OFF, 0));
        assertThat(faults.state().toString()).isEqualTo("mode=off");
    }

    @Test
    void zeroOrNegativeCountMeansUntilOff() {
        SimFaults faults = new SimFaults();
        faults.set(Mode.RESET, -5);

        for (int i = 0; i < 100; i++) {
            assertThat(faults.nextRequest()).isEqualTo(Mode.RESET);
        }
        assertThat(faults.state().toString()).isEqualTo("mode=reset remaining=unlimited");
        faults.set(Mode.OFF, 7);
        assertThat(faults.nextRequest()).isEqualTo(Mode.OFF);
    }

    @Test
    void concurrentRequestsTakeExactlyCountFaults() throws Exception {
        SimFaults faults = new SimFaults();
        faults.set(Mode.ERROR, 500);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    int faulted = 0;
                    for (int i = 0; i < 1000; i++) {
                        if (faults.nextRequest() == Mode.ERROR) {
                            faulted++;
                        }
                    }
                    return faulted;
                }));
            }
            int total = 0;
            for (Future<Integer> result : results) {
                total += result.get();
            }
            assertThat(total).isEqualTo(500);
        } finally {
            pool.shutdownNow();
        }
    }
}
