package com.bensbot.trading.broker.sim;

import static com.bensbot.trading.broker.sim.NyseCalendar.NEW_YORK;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Historical bars drawn from each symbol's {@link PricePath}: a bar depends only on the symbol,
 * the timeframe and its start time, so repeated and overlapping requests agree.
 */
final class SimBars {

    static final int DEFAULT_LIMIT = 1000;
    static final int MAX_LIMIT = 10_000;
    /** Like Alpaca's, the simulator's history begins in 2016. */
    static final Instant EARLIEST = LocalDate.of(2016, 1, 1).atStartOfDay(NEW_YORK).toInstant();

    private static final int MIN_INTRABAR_SAMPLES = 8;
    private static final int MAX_INTRABAR_SAMPLES = 3_000;
    private static final long SAMPLE_SPACING_NANOS = Duration.ofMinutes(15).toNanos();
    private static final double MAX_WICK = 0.0004;

    /**
     * One request. {@code start == null} asks for the latest {@code limit} bars up to {@code end};
     * {@code resumeAt} (from a page token, may be null) is where the previous page stopped.
     */
    record Query(BarTimeframe timeframe, Instant start, Instant end, int limit, boolean descending, Instant resumeAt) {
        Query {
            Objects.requireNonNull(timeframe, "timeframe");
            Objects.requireNonNull(end, "end");
        }
    }

    /** A page of bars; {@code nextPageStart} is null on the last page. */
    record Page(List<SimBar> bars, Instant nextPageStart) {
    }

    private final SimMarket market;
    private final NyseCalendar calendar;
    private final Clock clock;

    SimBars(SimMarket market, NyseCalendar calendar, Clock clock) {
        this.market = market;
        this.calendar = calendar;
        this.clock = clock;
    }

    Page list(SimAsset asset, Query query) {
        Instant now = clock.instant();
        Instant end = query.end().isAfter(now) ? now : query.end();
        if (query.start() == null) {
            return latest(asset, query, end, now);
        }
        Instant start = query.start().isBefore(EARLIEST) ? EARLIEST : query.start();
        return query.descending() ? backward(asset, query, start, end, now) : forward(asset, query, start, end, now);
    }

    private Page latest(SimAsset asset, Query query, Instant end, Instant now) {
        BarTimeframe timeframe = query.timeframe();
        List<SimBar> bars = new ArrayList<>();
        for (Instant cursor = timeframe.startOfBarContaining(end);
                bars.size() < query.limit() && !cursor.isBefore(EARLIEST);
                cursor = timeframe.previous(cursor)) {
            if (timeframe.hasTrading(cursor, calendar)) {
                bars.add(bar(asset, timeframe, cursor, now));
            }
        }
        if (!query.descending()) {
            Collections.reverse(bars);
        }
        return new Page(bars, null);
    }

    private Page forward(SimAsset asset, Query query, Instant start, Instant end, Instant now) {
        BarTimeframe timeframe = query.timeframe();
        Instant cursor = query.resumeAt();
        if (cursor == null) {
            cursor = timeframe.startOfBarContaining(start);
            if (cursor.isBefore(start)) {
                cursor = timeframe.next(cursor);
            }
        }
        List<SimBar> bars = new ArrayList<>();
        for (; !cursor.isAfter(end); cursor = timeframe.next(cursor)) {
            if (timeframe.hasTrading(cursor, calendar)) {
                if (bars.size() == query.limit()) {
                    return new Page(bars, cursor);
                }
                bars.add(bar(asset, timeframe, cursor, now));
            }
        }
        return new Page(bars, null);
    }

    private Page backward(SimAsset asset, Query query, Instant start, Instant end, Instant now) {
        BarTimeframe timeframe = query.timeframe();
        Instant cursor = query.resumeAt() != null ? query.resumeAt() : timeframe.startOfBarContaining(end);
        List<SimBar> bars = new ArrayList<>();
        for (; !cursor.isBefore(start); cursor = timeframe.previous(cursor)) {
            if (timeframe.hasTrading(cursor, calendar)) {
                if (bars.size() == query.limit()) {
                    return new Page(bars, cursor);
                }
                bars.add(bar(asset, timeframe, cursor, now));
            }
        }
        return new Page(bars, null);
    }

    /** The bar starting at {@code start}; a bar still in progress closes at {@code now}. */
    SimBar bar(SimAsset asset, BarTimeframe timeframe, Instant start, Instant now) {
        Instant end = timeframe.next(start);
        Instant last = end.isAfter(now) ? now : end;
        long spanNanos = Math.max(0, Duration.between(start, last).toNanos());
        double open = market.pathPrice(asset, start);
        double close = market.pathPrice(asset, last);
        double high = Math.max(open, close);
        double low = Math.min(open, close);
        // Highs and lows are sampled: every 15 minutes for long bars, so a month's high is near its days' highs.
        int samples = (int) Math.max(MIN_INTRABAR_SAMPLES, Math.min(MAX_INTRABAR_SAMPLES, spanNanos / SAMPLE_SPACING_NANOS));
        for (int i = 1; i < samples; i++) {
            double price = market.pathPrice(asset, start.plusNanos(spanNanos / samples * i));
            high = Math.max(high, price);
            low = Math.min(low, price);
        }
        SplittableRandom random = new SplittableRandom(seed(asset, timeframe, start));
        high *= 1 + random.nextDouble(MAX_WICK);
        low *= 1 - random.nextDouble(MAX_WICK);

        BigDecimal closePrice = price(close, RoundingMode.HALF_UP);
        BigDecimal highPrice = price(high, RoundingMode.CEILING);
        BigDecimal lowPrice = price(low, RoundingMode.FLOOR);
        double elapsed = (double) spanNanos / Duration.between(start, end).toNanos();
        double perMinute = asset.averageDailyVolume() / 390.0;
        long volume = Math.max(1, Math.round(
                perMinute * timeframe.tradingMinutes() * (0.4 + random.nextDouble(1.2)) * elapsed));
        long trades = Math.max(1, volume / (60 + random.nextInt(140)));
        BigDecimal vwap = highPrice.add(lowPrice).add(closePrice.multiply(BigDecimal.valueOf(2)))
                .divide(BigDecimal.valueOf(4), 4, RoundingMode.HALF_UP);
        return new SimBar(start, price(open, RoundingMode.HALF_UP), highPrice, lowPrice, closePrice,
                volume, trades, vwap);
    }

    private static long seed(SimAsset asset, BarTimeframe timeframe, Instant start) {
        return asset.symbol().hashCode() * 1_000_003L
                ^ timeframe.label().hashCode() * 0x9E3779B97F4A7C15L
                ^ start.getEpochSecond();
    }

    private static BigDecimal price(double value, RoundingMode rounding) {
        return BigDecimal.valueOf(value).setScale(2, rounding);
    }
}
