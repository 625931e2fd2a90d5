package com.bensbot.trading.livedata;

import com.bensbot.trading.broker.AlpacaClient;
import com.bensbot.trading.broker.Bar;
import com.bensbot.trading.broker.Clock;
import com.bensbot.trading.broker.PriceCache;
import com.bensbot.trading.broker.Priced;
import com.bensbot.trading.broker.PricedBatch;
import com.bensbot.trading.broker.Quote;
import com.bensbot.trading.broker.Trade;
import com.bensbot.trading.http.ProblemException;
import com.bensbot.trading.http.ProblemType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Market data for the {@code /live} routes: cached quotes and trades, bars and the clock straight from the broker. */
public final class LiveDataService {
    /** Alpaca's historical data starts in 2016; asking earlier only slows the broker down. */
    private static final Instant EARLIEST_DATA = Instant.parse("2015-01-01T00:00:00Z");
    private final AlpacaClient client;
    private final PriceCache<Quote> quotes;
    private final PriceCache<Trade> trades;

    public LiveDataService(AlpacaClient client, PriceCache<Quote> quotes, PriceCache<Trade> trades) {
        this.client = client;
        this.quotes = quotes;
        this.trades = trades;
    }

    public Priced<Quote> quote(String symbol) {
        return found(quotes.get(symbol), symbol);
    }

    public PricedBatch<Quote> quotes(List<String> symbols) {
        return quotes.getAll(symbols);
    }

    public Priced<Trade> trade(String symbol) {
        return found(trades.get(symbol), symbol);
    }

    /** Bars in ascending time. Without a start: the latest {@code limit} bars up to {@code end} (or now). */
    public List<Bar> bars(String symbol, String timeframe, int limit, Instant start, Instant end) {
        if (start != null && end != null && start.isAfter(end)) {
            throw ProblemException.invalidParameter("'start' must not be after 'end'");
        }
        if (start != null) {
            return client.bars(symbol, timeframe, start.toString(), end == null ? null : end.toString(), limit, false);
        }
        Instant until = end == null ? Instant.now() : end;
        // Enough calendar time to hold `limit` bars across nights, weekends and holidays.
        Duration lookBack = MarketParams.barLength(timeframe).multipliedBy(limit).multipliedBy(4).plusDays(5);
        Instant from = until.minus(lookBack);
        if (from.isBefore(EARLIEST_DATA)) {
            from = EARLIEST_DATA;
        }
        return client.bars(symbol, timeframe, from.toString(), end == null ? null : end.toString(), limit, true);
    }

    public Clock clock() {
        return client.clock();
    }

    private static <V> Priced<V> found(Priced<V> priced, String symbol) {
        if (!priced.found()) {
            throw new ProblemException(ProblemType.SYMBOL_NOT_FOUND, "The broker has no data for " + symbol);
        }
        return priced;
    }
}
