package com.bensbot.trading.livedata;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The pure helpers of {@link CachedPriceFilter}: which paths and Accept headers the fast path may answer. */
class CachedPriceFilterTest {
    private static final String QUOTE = CachedPriceFilter.QUOTE_PREFIX;
    private static final String TRADE = CachedPriceFilter.TRADE_PREFIX;

    private static String quoteSymbol(String rest) {
        return CachedPriceFilter.symbol(QUOTE + rest, QUOTE.length());
    }

    @Test
    void prefixesAreTheTwoPriceRoutes() {
        assertThat(QUOTE).isEqualTo("/live/quote/");
        assertThat(TRADE).isEqualTo("/live/trade/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AAPL", "A", "BRK.B", "BF-B", "123", "X1-2.Y", "ABCDEFGHIJKLMNOP"})
    void validUpperCaseSymbolsAreReturnedAsTheyAre(String symbol) {
        assertThat(quoteSymbol(symbol)).isEqualTo(symbol);
    }

    @Test
    void lowerAndMixedCaseAreUpperCasedLikeMarketParams() {
        assertThat(quoteSymbol("aapl")).isEqualTo("AAPL");
        assertThat(quoteSymbol("BrK.b")).isEqualTo("BRK.B");
        assertThat(quoteSymbol("bf-b")).isEqualTo("BF-B");
        assertThat(quoteSymbol("abcdefghijklmnop")).isEqualTo("ABCDEFGHIJKLMNOP");
        for (String raw : new String[]{"aapl", "BrK.b", "x1-2.y", "abcdefghijklmnop"}) {
            assertThat(quoteSymbol(raw)).as(raw).isEqualTo(MarketParams.symbol(raw));
        }
    }

    @Test
    void sixteenCharactersIsTheLongestSymbol() {
        assertThat(quoteSymbol("A".repeat(16))).isEqualTo("A".repeat(16));
        assertThat(quoteSymbol("a".repeat(16))).isEqualTo("A".repeat(16));
        assertThat(quoteSymbol("A".repeat(17))).isNull();
        assertThat(quoteSymbol("a".repeat(17))).isNull();
        assertThat(quoteSymbol("A".repeat(200))).isNull();
    }

    @Test
    void emptySymbolIsNotAnswered() {
        assertThat(CachedPriceFilter.symbol(QUOTE, QUOTE.length())).isNull();
        assertThat(CachedPriceFilter.symbol(TRADE, TRADE.length())).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "AA%7CPL",      // percent-encoded
            "%41APL",       // percent-encoded letter: Jersey decodes, the fast path does not try
            "AAPL;v=1",     // matrix parameter
            ";",
            "AAPL/",        // extra segment
            "AAPL/extra",
            "/AAPL",
            "A_B",
            "A B",
            "A+B",
            "AAPL?x=1",
            "ÄPPL",
            "AAPL\u0000",
            "<script>"})
    void anythingButPlainSymbolCharactersGoesToJersey(String rest) {
        assertThat(quoteSymbol(rest)).as(rest).isNull();
    }

    @Test
    void symbolIsReadFromTheGivenStart() {
        assertThat(CachedPriceFilter.symbol("/live/trade/tsla", TRADE.length())).isEqualTo("TSLA");
        assertThat(CachedPriceFilter.symbol("/live/trade/TSLA", TRADE.length())).isEqualTo("TSLA");
        // The length limit counts from start, not from the beginning of the path.
        assertThat(CachedPriceFilter.symbol(TRADE + "B".repeat(16), TRADE.length())).isEqualTo("B".repeat(16));
        assertThat(CachedPriceFilter.symbol(TRADE + "B".repeat(17), TRADE.length())).isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "   "})
    void noAcceptHeaderMeansJson(String accept) {
        assertThat(PlainJsonGet.acceptsJson(accept)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "application/json",
            "*/*",
            "application/*",
            "text/html, application/json",
            "text/html,application/json",
            "application/xml, */*",
            "text/plain , application/* ",
            "application/json, text/html"})
    void plainListsHoldingAJsonRangeAreAnswered(String accept) {
        assertThat(PlainJsonGet.acceptsJson(accept)).as(accept).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "text/html",
            "application/xml",
            "text/*",
            "application/problem+json",
            "application/jsonx",
            "application/json-seq",
            "text/html, application/xml",
            ","})
    void listsWithoutAJsonRangeGoToJersey(String accept) {
        assertThat(PlainJsonGet.acceptsJson(accept)).as(accept).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "application/json;q=0.9",
            "application/json; charset=utf-8",
            "application/json;q=1",
            "*/*;q=0.1",
            "text/html, application/json;q=0.5",
            "application/json, text/html;q=0.1"})
    void anyParameterGoesToJerseysNegotiation(String accept) {
        assertThat(PlainJsonGet.acceptsJson(accept)).as(accept).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "application/json,,",
            "application/json, text/",
            "*/*, /",
            "application/json, @",
            "application/json, text/html\"",
            "application/json, text/html, foo/bar/baz"})
    void aMalformedRangeAnywhereGoesToJerseysRefusal(String accept) {
        assertThat(PlainJsonGet.acceptsJson(accept)).as(accept).isFalse();
    }
}
