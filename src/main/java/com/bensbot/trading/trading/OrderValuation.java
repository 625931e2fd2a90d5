package com.bensbot.trading.trading;

import com.bensbot.trading.broker.BrokerException;
import com.bensbot.trading.broker.PriceCache;
import com.bensbot.trading.broker.Priced;
import com.bensbot.trading.broker.Quote;
import com.bensbot.trading.broker.Trade;
import com.bensbot.trading.http.ProblemException;
import com.bensbot.trading.http.ProblemType;

import java.math.BigDecimal;
import java.util.function.Function;

/**
 * The value of an order, which both caps bind on: what the order can cost or yield at most once it fills.
 * A {@code notional} order is worth its notional. A buy limit cannot fill above its limit price, so it is worth
 * qty × limit price. Every other order (market, stop, stop_limit, and a sell limit; buy or sell) can fill at the
 * market, so it is worth qty × the highest of its own prices and the market price for its side: the ask for a buy,
 * the bid for a sell, the last trade when the quote has no usable price (missing or not positive). The market price
 * must be fresh (no older than the price cache's TTL, never a stale value); without one the order is refused as
 * {@code price-unavailable}.
 */
public final class OrderValuation {
    private final Function<String, Priced<Quote>> quotes;
    private final Function<String, Priced<Trade>> trades;

    public OrderValuation(PriceCache<Quote> quotes, PriceCache<Trade> trades) {
        this(quotes::get, trades::get);
    }

    /** With the latest quote and trade of a symbol looked up as given; a look-up may throw a broker failure. */
    OrderValuation(Function<String, Priced<Quote>> quotes, Function<String, Priced<Trade>> trades) {
        this.quotes = quotes;
        this.trades = trades;
    }

    public BigDecimal value(OrderRequest order) {
        if (order.notional() != null) {
            return order.notional();
        }
        return order.qty().multiply(price(order));
    }

    /** The price per share the order is valued at. */
    BigDecimal price(OrderRequest order) {
        boolean buy = "buy".equals(order.side());
        if (buy && "limit".equals(order.type())) {
            return order.limitPrice();
        }
        BigDecimal price = marketPrice(order.symbol(), buy);
        price = highest(price, order.limitPrice());
        return highest(price, order.stopPrice());
    }

    private BigDecimal marketPrice(String symbol, boolean buy) {
        Quote quote = fresh(quotes, symbol);
        if (quote != null && positive(buy ? quote.ap() : quote.bp())) {
            return buy ? quote.ap() : quote.bp();
        }
        Trade trade = fresh(trades, symbol);
        if (trade != null && positive(trade.p())) {
            return trade.p();
        }
        throw new ProblemException(ProblemType.PRICE_UNAVAILABLE,
                "No current price for " + symbol + " to check the order value against the limits");
    }

    /** The symbol's value if the broker has one no older than the cache TTL; null when missing, stale or failed. */
    private static <V> V fresh(Function<String, Priced<V>> lookup, String symbol) {
        Priced<V> priced;
        try {
            priced = lookup.apply(symbol);
        } catch (BrokerException e) {
            // The broker cannot say now: no price, which refuses the order as price-unavailable.
            return null;
        }
        return priced.found() && !priced.stale() ? priced.value() : null;
    }

    private static BigDecimal highest(BigDecimal price, BigDecimal own) {
        return own != null && own.compareTo(price) > 0 ? own : price;
    }

    private static boolean positive(BigDecimal value) {
        return value != null && value.signum() > 0;
    }
}
