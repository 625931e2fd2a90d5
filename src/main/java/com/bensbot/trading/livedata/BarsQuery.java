package com.bensbot.trading.livedata;

import com.bensbot.trading.http.ProblemException;

import java.time.Instant;

/**
 * The checked parameters of {@code GET /live/bars/{symbol}} (CONTRACT §3), one rule set for the Jersey route and
 * for {@link OpenBreakerFilter}. {@code start} and {@code end} are null when absent.
 */
record BarsQuery(String symbol, String timeframe, int limit, Instant start, Instant end) {
    static final String DEFAULT_TIMEFRAME = "1Min";
    static final int DEFAULT_LIMIT = 100;

    /** Throws 400 {@code invalid-parameter} for the first parameter that breaks its rule. */
    static BarsQuery parse(String rawSymbol, String rawTimeframe, String rawLimit, String rawStart, String rawEnd) {
        String symbol = MarketParams.symbol(rawSymbol);
        String timeframe = MarketParams.timeframe(rawTimeframe == null ? DEFAULT_TIMEFRAME : rawTimeframe);
        int limit = MarketParams.limit(rawLimit, DEFAULT_LIMIT, MarketParams.MAX_BARS);
        Instant start = MarketParams.time("start", rawStart);
        Instant end = MarketParams.time("end", rawEnd);
        if (start != null && end != null && start.isAfter(end)) {
            throw ProblemException.invalidParameter("'start' must not be after 'end'");
        }
        return new BarsQuery(symbol, timeframe, limit, start, end);
    }
}
