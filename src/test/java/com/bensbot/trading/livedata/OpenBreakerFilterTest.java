package com.bensbot.trading.livedata;

import com.bensbot.trading.http.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pure helpers of {@link OpenBreakerFilter}: {@code plainParams} reads only queries that need no decoding and
 * name each parameter once (anything else is null, i.e. left to Jersey), and {@code validBars} says yes exactly for
 * the symbols and queries on which the Jersey route would get past its parameter checks and call the broker; every
 * query Jersey would refuse with 400 is a no, so that the fail-fast path never answers 503 where Jersey answers 400.
 */
class OpenBreakerFilterTest {

    @Test
    void pathsAreTheBarsPrefixAndTheClock() {
        assertThat(OpenBreakerFilter.BARS_PREFIX).isEqualTo("/live/bars/");
        assertThat(OpenBreakerFilter.CLOCK_PATH).isEqualTo("/live/clock");
    }

    // ---- plainParams ----

    @ParameterizedTest
    @NullAndEmptySource
    void noQueryIsAnEmptyMap(String query) {
        assertThat(OpenBreakerFilter.plainParams(query)).isNotNull().isEmpty();
    }

    @Test
    void plainPairsAreReadAsNameAndValue() {
        assertThat(OpenBreakerFilter.plainParams("a=1&b=2")).containsExactlyInAnyOrderEntriesOf(Map.of("a", "1",
                "b", "2"));
        assertThat(OpenBreakerFilter.plainParams("limit=5")).containsExactlyInAnyOrderEntriesOf(Map.of("limit", "5"));
    }

    @Test
    void plainCharactersIncludeDotUnderscoreDashAndColon() {
        assertThat(OpenBreakerFilter.plainParams("start=2024-01-02T10:00:00.5Z&end=2024-01-02T11:00:00-05:00&x_y=A.b"))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "start", "2024-01-02T10:00:00.5Z",
                        "end", "2024-01-02T11:00:00-05:00",
                        "x_y", "A.b"));
    }

    @Test
    void anEmptyValueIsKeptAsEmpty() {
        assertThat(OpenBreakerFilter.plainParams("limit=")).containsExactlyInAnyOrderEntriesOf(Map.of("limit", ""));
        assertThat(OpenBreakerFilter.plainParams("limit=&timeframe=1Min"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("limit", "", "timeframe", "1Min"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "limit=%35",            // percent-encoded value
            "li%6Dit=5",            // percent-encoded name
            "start=2024-01-02T10:00:00+00:00", // '+' (a space to Jersey)
            "a=1;b=2",              // ';'
            "a=1 2",                // space
            "a=1&&b=2",             // empty pair
            "a=1&",                 // trailing empty pair
            "&a=1",                 // leading empty pair
            "&",
            "limit",                // bare name
            "a=1&limit",            // bare name after a pair
            "limit=5&limit=6",      // repeated name
            "limit=5&limit=5",      // repeated name, same value
            "=x",                   // no name
            "=",
            "a=1=2",                // two '=' in one pair
            "a==1",
            "a=1&b=2=3",
            "a=\u00e9",             // non-ASCII
            "a=1/2",                // '/'
            "a=*"})
    void anythingThatNeedsDecodingOrIsAmbiguousIsNull(String query) {
        assertThat(OpenBreakerFilter.plainParams(query)).as(query).isNull();
    }

    // ---- validBars ----

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "AAPL             | NULL",
            "AAPL             | ''",
            "aapl             | NULL",
            "AaPl             | timeframe=1Hour&limit=5",
            "BRK.B            | limit=1000",
            "BF-B             | limit=1",
            "ABCDEFGHIJKLMNOP | NULL",
            "AAPL             | timeframe=1Hour&limit=5",
            "AAPL             | timeframe=59Min",
            "AAPL             | timeframe=12Month",
            "AAPL             | timeframe=1Week",
            "AAPL             | start=2024-01-02&end=2024-01-02",
            "AAPL             | start=2024-01-02&end=2024-01-03",
            "AAPL             | start=2024-01-02T10:00:00Z&end=2024-01-02T11:00:00Z",
            "AAPL             | start=2024-01-02T10:00:00-05:00",
            "AAPL             | end=2024-01-02T10:00:00.123Z",
            "AAPL             | limit=&start=",
            "AAPL             | limit=05",
            "AAPL             | feed=iex",
            "AAPL             | Limit=0"})
    void queriesJerseyWouldAcceptAreValid(String symbol, String query) {
        assertThat(OpenBreakerFilter.validBars(symbol, query)).as(symbol + "?" + query).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "AAPL              | limit=0",
            "AAPL              | limit=1001",
            "AAPL              | limit=abc",
            "AAPL              | limit=-1",
            "AAPL              | limit=1.5",
            "AAPL              | limit=9999999999",
            "AAPL              | timeframe=2Day",
            "AAPL              | timeframe=60Min",
            "AAPL              | timeframe=1hour",
            "AAPL              | timeframe=5Month",
            "AAPL              | timeframe=",
            "AAPL              | start=yesterday",
            "AAPL              | end=2024-13-01",
            "AAPL              | start=2024-01-03&end=2024-01-02",
            "AAPL              | start=2024-01-02T10:00:01Z&end=2024-01-02T10:00:00Z",
            "ABCDEFGHIJKLMNOPQ | NULL",
            "AA$L              | NULL",
            "''                | NULL",
            "AAPL/extra        | NULL",
            "AAPL/             | NULL",
            "AAPL;v=1          | NULL",
            "AA%50L            | NULL",
            "A_B               | NULL"})
    void queriesJerseyWouldRefuseAreNotValid(String symbol, String query) {
        assertThat(OpenBreakerFilter.validBars(symbol, query)).as(symbol + "?" + query).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "limit=%35",
            "limit=5&limit=6",
            "limit",
            "timeframe=1Hour&&limit=5",
            "start=2024-01-02T10:00:00+00:00",
            "start=2024-01-02T10:00:00%2B00:00",
            "limit=5;timeframe=1Min"})
    void queriesTheFilterDoesNotReadAsJerseyDoesAreLeftToJersey(String query) {
        assertThat(OpenBreakerFilter.validBars("AAPL", query)).as(query).isFalse();
    }

    @Test
    void validBarsAgreesWithTheRouteRulesOnEveryPlainQuery() {
        String[] queries = {"limit=1", "limit=1000", "limit=1001", "timeframe=23Hour", "timeframe=24Hour",
                "start=2024-02-29", "start=2023-02-29", "start=2024-01-02T10:00:00Z&end=2024-01-02T10:00:00Z"};
        for (String query : queries) {
            Map<String, String> params = OpenBreakerFilter.plainParams(query);
            boolean parses;
            try {
                BarsQuery.parse("AAPL", params.get("timeframe"), params.get("limit"), params.get("start"),
                        params.get("end"));
                parses = true;
            } catch (ProblemException invalid) {
                parses = false;
            }
            assertThat(OpenBreakerFilter.validBars("AAPL", query)).as(query).isEqualTo(parses);
        }
        assertThat(OpenBreakerFilter.validBars("AAPL", "start=2024-02-29")).isTrue();
        assertThat(OpenBreakerFilter.validBars("AAPL", "start=2023-02-29")).isFalse();
        assertThat(OpenBreakerFilter.validBars("AAPL", "timeframe=24Hour")).isFalse();
    }
}
