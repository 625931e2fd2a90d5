package com.bensbot.trading.trading;

import com.bensbot.trading.broker.BrokerException;
import com.bensbot.trading.broker.PriceCache;
import com.bensbot.trading.broker.Priced;
import com.bensbot.trading.broker.Quote;
import com.bensbot.trading.broker.Trade;
import com.bensbot.trading.http.ProblemException;
import com.bensbot.trading.http.ProblemType;

import java.math.BigDecimal;

/**
 * The notional value of an order (CONTRACT §6): {@code notional}, or qty × price where the price is the limit
 * price (limit, stop_limit), the stop price (stop), else the latest ask no older than the cache TTL, falling back
 * to the latest trade when the ask is missing or not positive. Never a stale price.
 */
public final class OrderValuation {
    private final PriceCache<Quote> quotes;
    private final PriceCache<Trade> trades;

    public OrderValuation(PriceCache<Quote> quotes, PriceCache<Trade> trades) {
        this.quotes = quotes;
        this.trades = trades;
    }

    public BigDecimal value(OrderRequest order) {
        if (order.notional() != null) {
            return order.notional();
        }
        return order.qty().multiply(price(order));
    }

    BigDecimal price(OrderRequest order) {
        if (order.limitPrice() != null) {
            return order.limitPrice();
        }
        if (order.stopPrice() != null) {
            return order.stopPrice();
        }
        BigDecimal ask = freshAsk(order.symbol());
        if (ask != null) {
            return ask;
        }
        BigDecimal last = freshTrade(order.symbol());
        if (last != null) {
            return last;
        }
        throw new ProblemException(ProblemType.PRICE_UNAVAILABLE,
                "No current price for " + order.symbol() + " to check the order value against the limits");
    }

    private BigDecimal freshAsk(String symbol) {
        try {
            Priced<Quote> quote = quotes.get(symbol);
            if (quote.found() && !quote.stale() && positive(quote.value().ap())) {
                return quote.value().ap();
            }
        } catch (BrokerException e) {
            return null;
        }
        return null;
    }

    private BigDecimal freshTrade(String symbol) {
        try {
            Priced<Trade> trade = trades.get(symbol);
            if (trade.found() && !trade.stale() && positive(trade.value().p())) {
                return trade.value().p();
            }
        } catch (BrokerException e) {
            return null;
        }
        return null;
    }

    private static boolean positive(BigDecimal value) {
        return value != null && value.signum() > 0;
    }
}
