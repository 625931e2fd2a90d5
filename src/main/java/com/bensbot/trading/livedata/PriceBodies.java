package com.bensbot.trading.livedata;

import com.bensbot.trading.broker.Priced;
import com.bensbot.trading.broker.Quote;
import com.bensbot.trading.broker.Trade;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON bodies of {@code /live/quote/{symbol}} and {@code /live/trade/{symbol}}, written once per cached value
 * and shared by the Jersey routes and {@link CachedPriceFilter}, so both answer with the same bytes.
 */
public final class PriceBodies {
    /** The body of {@code /live/quote/{symbol}}. */
    public record QuoteBody(String symbol, Quote quote, boolean stale) {
    }

    /** The body of {@code /live/trade/{symbol}}. */
    public record TradeBody(String symbol, Trade trade, boolean stale) {
    }

    private final PricedJson<Quote> quotes;
    private final PricedJson<Trade> trades;

    /** {@code mapper} writes the bodies; {@code maxSymbols} bounds how many are kept per route. */
    public PriceBodies(ObjectMapper mapper, int maxSymbols) {
        this.quotes = new PricedJson<>(mapper, maxSymbols);
        this.trades = new PricedJson<>(mapper, maxSymbols);
    }

    byte[] quote(String symbol, Priced<Quote> quote) {
        return quotes.json(symbol, quote, priced -> new QuoteBody(symbol, priced.value(), priced.stale()));
    }

    byte[] trade(String symbol, Priced<Trade> trade) {
        return trades.json(symbol, trade, priced -> new TradeBody(symbol, priced.value(), priced.stale()));
    }
}
