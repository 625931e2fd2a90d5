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
    List<Bar> bars(BarsQuery query) {
        String end = query.end() == null ? null : query.end().toString();
        if (query.start() != null) {
            return client.bars(query.symbol(), query.timeframe(), query.start().toString(), end, query.limit(), false);
        }
        Instant until = query.end() == null ? Instant.now() : query.end();
        // Enough calendar time to hold `limit` bars across nights, weekends and holidays.
        Duration lookBack = MarketParams.barLength(query.timeframe()).multipliedBy(query.limit()).multipliedBy(4)
                .plusDays(5);
        Instant from = until.minus(lookBack);
        if (from.isBefore(EARLIEST_DATA)) {
            from = EARLIEST_DATA;
        }
        return client.bars(query.symbol(), query.timeframe(), from.toString(), end, query.limit(), true);
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
