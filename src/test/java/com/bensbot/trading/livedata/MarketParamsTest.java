package com.bensbot.trading.livedata;

import com.bensbot.trading.http.ProblemException;
import com.bensbot.trading.http.ProblemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarketParamsTest {
    @Test
    void symbolsAreUpperCased() {
        assertThat(MarketParams.symbol("brk.b")).isEqualTo("BRK.B");
        assertThat(MarketParams.symbol("ABCDEFGHIJKLMNOP")).hasSize(16);
        assertThat(MarketParams.symbol("x-1")).isEqualTo("X-1");
        assertThat(MarketParams.symbol(".A")).isEqualTo(".A");
        assertThat(MarketParams.symbol("-")).isEqualTo("-");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ABCDEFGHIJKLMNOPQ", "A B", "A/B", "A_B", "\u0000", "ÄPFEL", "A%20", ".", "..", "..."})
    void badSymbolsAreInvalidParameters(String raw) {
        assertThatThrownBy(() -> MarketParams.symbol(raw))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemType.INVALID_PARAMETER));
    }

    @Test
    void symbolListDropsDuplicatesKeepsOrderAndCapsAt100() {
        assertThat(MarketParams.symbols("msft, AAPL,MSFT")).containsExactly("MSFT", "AAPL");
        String hundred = String.join(",", Collections.nCopies(100, "A"));
        assertThat(MarketParams.symbols(hundred)).containsExactly("A");
        String tooMany = String.join(",", Collections.nCopies(101, "A"));
        assertThatThrownBy(() -> MarketParams.symbols(tooMany)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> MarketParams.symbols("A,,B")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> MarketParams.symbols(null)).isInstanceOf(ProblemException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1Min", "59Min", "1Hour", "23Hour", "1Day", "1Week", "1Month", "6Month", "12Month"})
    void validTimeframes(String timeframe) {
        assertThat(MarketParams.timeframe(timeframe)).isEqualTo(timeframe);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0Min", "60Min", "24Hour", "2Day", "2Week", "5Month", "13Month", "1min", "1T", "Min"})
    void invalidTimeframes(String timeframe) {
        assertThatThrownBy(() -> MarketParams.timeframe(timeframe)).isInstanceOf(ProblemException.class);
    }

    @Test
    void barLengths() {
        assertThat(MarketParams.barLength("15Min")).isEqualTo(Duration.ofMinutes(15));
        assertThat(MarketParams.barLength("2Hour")).isEqualTo(Duration.ofHours(2));
        assertThat(MarketParams.barLength("1Week")).isEqualTo(Duration.ofDays(7));
        assertThat(MarketParams.barLength("3Month")).isEqualTo(Duration.ofDays(93));
    }

    @Test
    void limits() {
        assertThat(MarketParams.limit(null, 100, 1000)).isEqualTo(100);
        assertThat(MarketParams.limit("1000", 100, 1000)).isEqualTo(1000);
        for (String bad : new String[]{"0", "1001", "-1", "abc", "99999999999", "1.5"}) {
            assertThatThrownBy(() -> MarketParams.limit(bad, 100, 1000)).as(bad).isInstanceOf(ProblemException.class);
        }
    }

    @Test
    void times() {
        assertThat(MarketParams.time("start", "2026-01-02")).isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
        assertThat(MarketParams.time("start", "2026-01-02T09:30:00-05:00"))
                .isEqualTo(Instant.parse("2026-01-02T14:30:00Z"));
        assertThat(MarketParams.time("start", null)).isNull();
        assertThatThrownBy(() -> MarketParams.time("start", "yesterday")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> MarketParams.time("end", "2026-13-01")).isInstanceOf(ProblemException.class);
    }
}
