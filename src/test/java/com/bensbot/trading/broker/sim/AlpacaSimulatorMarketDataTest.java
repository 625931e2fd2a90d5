package com.bensbot.trading.broker.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlpacaSimulatorMarketDataTest {

    private final AlpacaSimulator simulator = new AlpacaSimulator();
    private SimHttp http;

    @BeforeAll
    void start() {
        simulator.start();
        http = new SimHttp(simulator.baseUri());
    }

    @AfterAll
    void stop() {
        simulator.stop();
    }

    @Test
    void latestQuoteHasAlpacaShapeWithBidBelowAsk() {
        SimHttp.Reply reply = http.get("/v2/stocks/AAPL/quotes/latest");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        assertThat(reply.json().get("symbol").asText()).isEqualTo("AAPL");
        JsonNode quote = reply.json().get("quote");
        assertThat(fieldNames(quote)).containsExactly("t", "ax", "ap", "as", "bx", "bp", "bs", "c", "z");
        assertThat(quote.get("ap").isNumber()).isTrue();
        assertThat(quote.get("bp").isNumber()).isTrue();
        assertThat(quote.get("as").isInt()).isTrue();
        assertThat(quote.get("bs").asInt()).isPositive();
        BigDecimal ask = quote.get("ap").decimalValue();
        BigDecimal bid = quote.get("bp").decimalValue();
        assertThat(bid).isPositive().isLessThan(ask);
        assertThat(ask.subtract(bid)).isLessThan(ask.multiply(new BigDecimal("0.005")));
        assertThat(Instant.parse(quote.get("t").asText())).isNotNull();
        assertThat(quote.get("c").get(0).asText()).isEqualTo("R");
        assertThat(quote.get("z").asText()).isEqualTo("C");
    }

    @Test
    void symbolsAreCaseInsensitiveAndServedUpperCase() {
        SimHttp.Reply reply = http.get("/v2/stocks/brk.b/quotes/latest");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("symbol").asText()).isEqualTo("BRK.B");
    }

    @Test
    void unknownSymbolQuoteIs404() {
        SimHttp.Reply reply = http.get("/v2/stocks/XYZQ/quotes/latest");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("code").asInt()).isEqualTo(40410000);
        assertThat(reply.json().get("message").asText()).isEqualTo("symbol not found: XYZQ");
    }

    @Test
    void multiSymbolQuotesOmitUnknownSymbols() {
        SimHttp.Reply reply = http.get("/v2/stocks/quotes/latest?symbols=AAPL,ZZZZ,msft");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode quotes = reply.json().get("quotes");
        assertThat(fieldNames(quotes)).containsExactlyInAnyOrder("AAPL", "MSFT");
        assertThat(quotes.get("MSFT").get("bp").decimalValue()).isLessThan(quotes.get("MSFT").get("ap").decimalValue());
    }

    @Test
    void multiSymbolQuotesWithoutSymbolsIs400() {
        SimHttp.Reply reply = http.get("/v2/stocks/quotes/latest");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("code").asInt()).isEqualTo(40010001);
    }

    @Test
    void latestTradeHasAlpacaShape() {
        SimHttp.Reply reply = http.get("/v2/stocks/SPY/trades/latest");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("symbol").asText()).isEqualTo("SPY");
        JsonNode trade = reply.json().get("trade");
        assertThat(fieldNames(trade)).containsExactly("t", "x", "p", "s", "c", "i", "z");
        assertThat(trade.get("p").isNumber()).isTrue();
        assertThat(trade.get("p").decimalValue()).isPositive();
        assertThat(trade.get("s").asInt()).isPositive();
        assertThat(trade.get("i").isIntegralNumber()).isTrue();
        assertThat(trade.get("z").asText()).isEqualTo("B");
    }

    @Test
    void unknownSymbolTradeIs404() {
        assertThat(http.get("/v2/stocks/XYZQ/trades/latest").status()).isEqualTo(404);
    }

    @Test
    void multiSymbolTradesOmitUnknownSymbols() {
        SimHttp.Reply reply = http.get("/v2/stocks/trades/latest?symbols=NVDA,QQQQQ,TSLA");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(fieldNames(reply.json().get("trades"))).containsExactlyInAnyOrder("NVDA", "TSLA");
    }

    @Test
    void latestBarsHonourLimitAndSortAndAreWellFormed() {
        SimHttp.Reply ascending = http.get("/v2/stocks/AAPL/bars?timeframe=1Min&limit=100");
        SimHttp.Reply descending = http.get("/v2/stocks/AAPL/bars?timeframe=1Min&limit=100&sort=desc");

        assertThat(ascending.status()).isEqualTo(200);
        assertThat(fieldNames(ascending.json())).containsExactly("bars", "symbol", "next_page_token");
        assertThat(ascending.json().get("symbol").asText()).isEqualTo("AAPL");
        assertThat(ascending.json().get("next_page_token").isNull()).isTrue();
        List<Instant> upTimes = times(ascending.json().get("bars"));
        List<Instant> downTimes = times(descending.json().get("bars"));
        assertThat(upTimes).hasSize(100).isSorted();
        assertThat(upTimes.get(99)).isBeforeOrEqualTo(Instant.now());
        assertThat(downTimes).hasSize(100).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(downTimes.get(downTimes.size() - 1)).isEqualTo(upTimes.get(0));
        ascending.json().get("bars").forEach(AlpacaSimulatorMarketDataTest::assertWellFormedBar);
    }

    @Test
    void barsOfAPastRangeAreRepeatableAndSkipHolidays() {
        String path = "/v2/stocks/MSFT/bars?timeframe=1Day&start=2024-01-02&end=2024-03-01&limit=1000";

        SimHttp.Reply first = http.get(path);
        SimHttp.Reply second = http.get(path);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json()).isEqualTo(second.json());
        List<Instant> days = times(first.json().get("bars"));
        // January 2024: 21 sessions (New Year, MLK day closed); February: 20 (Presidents' Day); 1 March.
        assertThat(days).hasSize(42);
        assertThat(days.get(0)).isEqualTo(Instant.parse("2024-01-02T05:00:00Z"));
        assertThat(days).doesNotContain(Instant.parse("2024-01-15T05:00:00Z"), Instant.parse("2024-02-19T05:00:00Z"));
        first.json().get("bars").forEach(AlpacaSimulatorMarketDataTest::assertWellFormedBar);
    }

    @Test
    void rangedBarsArePagedWithAToken() {
        String path = "/v2/stocks/QQQ/bars?timeframe=1Hour&start=2025-03-03T00:00:00Z&end=2025-03-07T23:00:00Z&limit=10";

        SimHttp.Reply page1 = http.get(path);
        String token = page1.json().get("next_page_token").asText();
        SimHttp.Reply page2 = http.get(path + "&page_token=" + token);

        List<Instant> first = times(page1.json().get("bars"));
        List<Instant> second = times(page2.json().get("bars"));
        assertThat(first).hasSize(10).isSorted();
        assertThat(second).hasSize(10).isSorted();
        assertThat(second.get(0)).isAfter(first.get(9));
        List<Instant> all = times(http.get(path.replace("limit=10", "limit=20")).json().get("bars"));
        List<Instant> paged = new ArrayList<>(first);
        paged.addAll(second);
        assertThat(paged).isEqualTo(all);
    }

    @ParameterizedTest
    @ValueSource(strings = {"15T", "1H", "4Hour", "1D", "1Week", "1W", "3Month", "12M"})
    void everyAlpacaTimeframeIsAccepted(String timeframe) {
        SimHttp.Reply reply = http.get("/v2/stocks/IWM/bars?timeframe=" + timeframe + "&limit=3");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("bars")).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "60Min", "24Hour", "2Day", "5Month", "1min", "Min", "1Year"})
    void badTimeframeIs400(String timeframe) {
        SimHttp.Reply reply = http.get("/v2/stocks/AAPL/bars?timeframe=" + timeframe);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("code").asInt()).isEqualTo(40010001);
        assertThat(reply.json().get("message").asText()).isEqualTo("invalid timeframe");
    }

    @Test
    void barsLimitIsCappedAt10000() {
        SimHttp.Reply reply = http.get("/v2/stocks/AAPL/bars?timeframe=1Min&limit=20000");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("bars")).hasSize(10_000);
    }

    @Test
    void barsOfAnUnknownSymbolAreEmpty() {
        SimHttp.Reply reply = http.get("/v2/stocks/XYZQ/bars?timeframe=1Day");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("bars")).isEmpty();
    }

    @Test
    void answersCarryAlpacaRateLimitHeaders() {
        SimHttp.Reply reply = http.get("/v2/stocks/AAPL/quotes/latest");

        assertThat(reply.header("X-Ratelimit-Limit")).isEqualTo("200");
        assertThat(Integer.parseInt(reply.header("X-Ratelimit-Remaining"))).isBetween(0, 199);
        assertThat(Long.parseLong(reply.header("X-Ratelimit-Reset"))).isGreaterThan(Instant.now().getEpochSecond() - 1);
    }

    @Test
    void unknownPathAndWrongMethodAreJsonErrors() {
        SimHttp.Reply unknown = http.get("/v2/nothing/here");
        SimHttp.Reply wrongMethod = http.post("/v2/stocks/AAPL/quotes/latest", "{}");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asInt()).isEqualTo(40400000);
        assertThat(unknown.json().get("message").asText()).isEqualTo("endpoint not found");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.header("Allow")).isEqualTo("GET");
        assertThat(wrongMethod.header("Content-Type")).isEqualTo("application/json");
    }

    private static void assertWellFormedBar(JsonNode bar) {
        assertThat(fieldNames(bar)).containsExactly("t", "o", "h", "l", "c", "v", "n", "vw");
        BigDecimal open = bar.get("o").decimalValue();
        BigDecimal high = bar.get("h").decimalValue();
        BigDecimal low = bar.get("l").decimalValue();
        BigDecimal close = bar.get("c").decimalValue();
        assertThat(low).isPositive().isLessThanOrEqualTo(open.min(close));
        assertThat(high).isGreaterThanOrEqualTo(open.max(close));
        assertThat(bar.get("vw").decimalValue()).isBetween(low, high);
        assertThat(bar.get("v").asLong()).isPositive();
        assertThat(bar.get("n").asLong()).isPositive();
    }

    private static List<Instant> times(JsonNode bars) {
        List<Instant> times = new ArrayList<>();
        bars.forEach(bar -> times.add(Instant.parse(bar.get("t").asText())));
        return times;
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
