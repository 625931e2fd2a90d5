package com.bensbot.trading.trading;

import com.bensbot.trading.broker.BrokerUnavailableException;
import com.bensbot.trading.broker.CacheResult;
import com.bensbot.trading.broker.Priced;
import com.bensbot.trading.broker.Quote;
import com.bensbot.trading.broker.Trade;
import com.bensbot.trading.http.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The value both order caps bind on, for every type × side × where the order's own price stands. */
class OrderValuationTest {
    private static final String UNAVAILABLE = "price-unavailable";
    private static final BigDecimal QTY = new BigDecimal("10");

    /** Where the order's own price stands against a market of ask 100, bid 99, last trade 98. */
    enum Position {
        /** Own price 0.01 (a stop_limit's limit 0.02), far below a fresh market. */
        BELOW("0.01", CacheResult.MISS, true),
        /** Own price 500 (a stop_limit's limit 1000), above a fresh market. */
        ABOVE("500", CacheResult.HIT, true),
        /** Own price 0.01; the broker has no quote and no trade for the symbol. */
        MISSING("0.01", CacheResult.MISS, false),
        /** Own price 0.01; the only quote and trade are stale (served from the last good value). */
        STALE("0.01", CacheResult.STALE, true);

        final BigDecimal own;
        final CacheResult served;
        final boolean hasData;

        Position(String own, CacheResult served, boolean hasData) {
            this.own = new BigDecimal(own);
            this.served = served;
            this.hasData = hasData;
        }
    }

    static Stream<Arguments> table() {
        return Stream.of(
                arguments("market", "buy", Position.BELOW, "1000"),
                arguments("market", "buy", Position.ABOVE, "1000"),
                arguments("market", "buy", Position.MISSING, UNAVAILABLE),
                arguments("market", "buy", Position.STALE, UNAVAILABLE),
                arguments("market", "sell", Position.BELOW, "990"),
                arguments("market", "sell", Position.ABOVE, "990"),
                arguments("market", "sell", Position.MISSING, UNAVAILABLE),
                arguments("market", "sell", Position.STALE, UNAVAILABLE),
                // A buy limit cannot fill above its limit: no market price needed, none looked up.
                arguments("limit", "buy", Position.BELOW, "0.1"),
                arguments("limit", "buy", Position.ABOVE, "5000"),
                arguments("limit", "buy", Position.MISSING, "0.1"),
                arguments("limit", "buy", Position.STALE, "0.1"),
                // A sell limit below the market fills at the bid.
                arguments("limit", "sell", Position.BELOW, "990"),
                arguments("limit", "sell", Position.ABOVE, "5000"),
                arguments("limit", "sell", Position.MISSING, UNAVAILABLE),
                arguments("limit", "sell", Position.STALE, UNAVAILABLE),
                // A buy stop below the market triggers at once and fills at the ask.
                arguments("stop", "buy", Position.BELOW, "1000"),
                arguments("stop", "buy", Position.ABOVE, "5000"),
                arguments("stop", "buy", Position.MISSING, UNAVAILABLE),
                arguments("stop", "buy", Position.STALE, UNAVAILABLE),
                arguments("stop", "sell", Position.BELOW, "990"),
                arguments("stop", "sell", Position.ABOVE, "5000"),
                arguments("stop", "sell", Position.MISSING, UNAVAILABLE),
                arguments("stop", "sell", Position.STALE, UNAVAILABLE),
                arguments("stop_limit", "buy", Position.BELOW, "1000"),
                arguments("stop_limit", "buy", Position.ABOVE, "10000"),
                arguments("stop_limit", "buy", Position.MISSING, UNAVAILABLE),
                arguments("stop_limit", "buy", Position.STALE, UNAVAILABLE),
                arguments("stop_limit", "sell", Position.BELOW, "990"),
                arguments("stop_limit", "sell", Position.ABOVE, "10000"),
                arguments("stop_limit", "sell", Position.MISSING, UNAVAILABLE),
                arguments("stop_limit", "sell", Position.STALE, UNAVAILABLE));
    }

    @ParameterizedTest(name = "{1} {0}, own price {2}: {3}")
    @MethodSource("table")
    void valuesEveryTypeAndSideAtWhatItCanCostOrYield(String type, String side, Position position, String expected) {
        Prices prices = new Prices(
                position.hasData ? quote("100", "99") : null, position.hasData ? trade("98") : null, position.served);
        OrderRequest order = order(type, side, position.own);

        if (expected.equals(UNAVAILABLE)) {
            assertThatThrownBy(() -> prices.valuation().value(order)).isInstanceOfSatisfying(ProblemException.class,
                    e -> {
                        assertThat(e.type().uri()).isEqualTo("/problems/price-unavailable");
                        assertThat(e.status()).isEqualTo(503);
                    });
        } else {
            assertThat(prices.valuation().value(order)).isEqualByComparingTo(expected);
        }
        if (type.equals("limit") && side.equals("buy")) {
            assertThat(prices.lookups.get()).isZero();
        }
    }

    @Test
    void marketableOrdersAtAPennyAreValuedAtTheMarket() {
        Prices prices = new Prices(quote("100", "99"), trade("98"), CacheResult.HIT);
        OrderRequest buyStop = new OrderRequest("AAPL", new BigDecimal("90000"), null, "buy", "stop", "day", null,
                new BigDecimal("0.01"), null);
        OrderRequest sellLimit = new OrderRequest("AAPL", new BigDecimal("90000"), null, "sell", "limit", "day",
                new BigDecimal("0.01"), null, null);

        assertThat(prices.valuation().value(buyStop)).isEqualByComparingTo("9000000");
        assertThat(prices.valuation().value(sellLimit)).isEqualByComparingTo("8910000");
    }

    @Test
    void notionalOrdersAreWorthTheirNotionalWithoutAPrice() {
        Prices prices = new Prices(null, null, CacheResult.MISS);
        OrderRequest order = new OrderRequest("AAPL", null, new BigDecimal("250.5"), "sell", "market", "day", null,
                null, null);

        assertThat(prices.valuation().value(order)).isEqualByComparingTo("250.5");
        assertThat(prices.lookups.get()).isZero();
    }

    @Test
    void aQuoteWithoutAUsablePriceForTheSideFallsBackToTheLastTrade() {
        BigDecimal own = new BigDecimal("0.01");
        assertThat(new Prices(quote(null, "99"), trade("98"), CacheResult.HIT).valuation()
                .value(order("market", "buy", own))).isEqualByComparingTo("980");
        assertThat(new Prices(quote("0", "99"), trade("98"), CacheResult.HIT).valuation()
                .value(order("stop", "buy", own))).isEqualByComparingTo("980");
        assertThat(new Prices(quote("100", "-1"), trade("98"), CacheResult.HIT).valuation()
                .value(order("limit", "sell", own))).isEqualByComparingTo("980");
        assertThat(new Prices(quote("100", null), trade("98"), CacheResult.HIT).valuation()
                .value(order("stop", "sell", own))).isEqualByComparingTo("980");
        // The ask of a quote without a bid still values a buy.
        assertThat(new Prices(quote("100", null), trade("98"), CacheResult.HIT).valuation()
                .value(order("stop", "buy", own))).isEqualByComparingTo("1000");
    }

    @Test
    void aStaleQuoteIsPassedOverForAFreshTradeButAStaleTradeIsNeverUsed() {
        Prices staleQuote = new Prices(quote("100", "99"), trade("98"), CacheResult.MISS) {
            @Override
            Priced<Quote> quote(String symbol) {
                lookups.incrementAndGet();
                return new Priced<>(quote, CacheResult.STALE);
            }
        };
        assertThat(staleQuote.valuation().value(order("limit", "sell", new BigDecimal("1"))))
                .isEqualByComparingTo("980");

        Prices staleTrade = new Prices(quote("0", "0"), trade("98"), CacheResult.MISS) {
            @Override
            Priced<Trade> trade(String symbol) {
                lookups.incrementAndGet();
                return new Priced<>(trade, CacheResult.STALE);
            }
        };
        assertThatThrownBy(() -> staleTrade.valuation().value(order("stop", "sell", new BigDecimal("1"))))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.type().uri()).isEqualTo("/problems/price-unavailable"));
    }

    @Test
    void aBrokerFailureLeavesNoPrice() {
        Prices quoteFails = new Prices(quote("100", "99"), trade("98"), CacheResult.MISS) {
            @Override
            Priced<Quote> quote(String symbol) {
                throw BrokerUnavailableException.serverError("data", 500);
            }
        };
        assertThat(quoteFails.valuation().value(order("market", "sell", null))).isEqualByComparingTo("980");

        Prices bothFail = new Prices(quote("100", "99"), trade("98"), CacheResult.MISS) {
            @Override
            Priced<Quote> quote(String symbol) {
                throw BrokerUnavailableException.serverError("data", 500);
            }

            @Override
            Priced<Trade> trade(String symbol) {
                throw BrokerUnavailableException.serverError("data", 503);
            }
        };
        assertThatThrownBy(() -> bothFail.valuation().value(order("market", "buy", null)))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.type().uri()).isEqualTo("/problems/price-unavailable"));
    }

    /** An order of {@link #QTY} shares with its type's own prices at {@code own} (a stop_limit's limit at 2×). */
    private static OrderRequest order(String type, String side, BigDecimal own) {
        BigDecimal limit = switch (type) {
            case "limit" -> own;
            case "stop_limit" -> own.multiply(BigDecimal.valueOf(2));
            default -> null;
        };
        BigDecimal stop = type.startsWith("stop") ? own : null;
        return new OrderRequest("AAPL", QTY, null, side, type, "day", limit, stop, null);
    }

    private static Quote quote(String ask, String bid) {
        return new Quote("2026-11-26T15:04:05Z", ask == null ? null : new BigDecimal(ask), 3L,
                bid == null ? null : new BigDecimal(bid), 2L, "V", "V", null, "C");
    }

    private static Trade trade(String price) {
        return new Trade("2026-11-26T15:04:05Z", new BigDecimal(price), 100L, "V", 1L, null, "C");
    }

    /** A price source under the test's control: the same quote and trade for every symbol, served as told. */
    private static class Prices {
        final Quote quote;
        final Trade trade;
        final CacheResult served;
        final AtomicInteger lookups = new AtomicInteger();

        Prices(Quote quote, Trade trade, CacheResult served) {
            this.quote = quote;
            this.trade = trade;
            this.served = served;
        }

        Priced<Quote> quote(String symbol) {
            lookups.incrementAndGet();
            return new Priced<>(quote, served);
        }

        Priced<Trade> trade(String symbol) {
            lookups.incrementAndGet();
            return new Priced<>(trade, served);
        }

        OrderValuation valuation() {
            Function<String, Priced<Quote>> quotes = this::quote;
            Function<String, Priced<Trade>> trades = this::trade;
            return new OrderValuation(quotes, trades);
        }
    }
}
