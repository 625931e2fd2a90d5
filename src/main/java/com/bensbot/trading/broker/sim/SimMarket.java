package com.bensbot.trading.broker.sim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Live prices. Each symbol's mid price is its {@link PricePath} (which the bars follow) times a
 * small random walk, advanced lazily whenever the symbol is read. The walk is mean-reverting
 * (Ornstein–Uhlenbeck) so quotes wander tick by tick yet stay within a few basis points of the
 * latest bar.
 */
final class SimMarket {

    private static final double REVERSION_PER_SECOND = 1.0 / 120;
    private static final double WALK_STANDARD_DEVIATION = 0.0008;
    private static final double HALF_SPREAD = 0.00005;
    private static final BigDecimal CENT = new BigDecimal("0.01");
    private static final String[] EXCHANGES = {"V", "Q", "N", "P", "Z", "K", "X"};

    private record Walk(double logOffset, Instant at) {
    }

    private final Clock clock;
    private final NyseCalendar calendar;
    private final Map<String, PricePath> paths;
    private final Map<String, AtomicReference<Walk>> walks;
    private final AtomicLong tradeIds = new AtomicLong(52_983_525_000_000L);

    SimMarket(SimUniverse universe, NyseCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
        Map<String, PricePath> pathsBySymbol = new HashMap<>();
        Map<String, AtomicReference<Walk>> walksBySymbol = new HashMap<>();
        Instant now = clock.instant();
        for (SimAsset asset : universe.all()) {
            pathsBySymbol.put(asset.symbol(), new PricePath(asset.symbol(), asset.startPrice().doubleValue()));
            walksBySymbol.put(asset.symbol(), new AtomicReference<>(new Walk(0, now)));
        }
        this.paths = Map.copyOf(pathsBySymbol);
        this.walks = Map.copyOf(walksBySymbol);
    }

    SimQuote quote(SimAsset asset) {
        Instant now = clock.instant();
        double mid = mid(asset, now);
        BigDecimal bid = BigDecimal.valueOf(mid * (1 - HALF_SPREAD)).setScale(2, RoundingMode.FLOOR);
        BigDecimal ask = BigDecimal.valueOf(mid * (1 + HALF_SPREAD)).setScale(2, RoundingMode.CEILING);
        if (ask.compareTo(bid) <= 0) {
            ask = bid.add(CENT);
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new SimQuote(now, exchange(random), ask, random.nextInt(1, 21),
                exchange(random), bid, random.nextInt(1, 21), asset.exchange().tape());
    }

    SimTrade trade(SimAsset asset) {
        SimQuote quote = quote(asset);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long spreadCents = quote.askPrice().subtract(quote.bidPrice()).movePointRight(2).longValueExact();
        BigDecimal price = quote.bidPrice().add(CENT.multiply(BigDecimal.valueOf(random.nextLong(spreadCents + 1))));
        int size = random.nextInt(100) < 70 ? 100 * random.nextInt(1, 4) : random.nextInt(1, 100);
        return new SimTrade(quote.time(), exchange(random), price, size, tradeIds.incrementAndGet(), quote.tape());
    }

    /** The price a position is marked at: the mid, to the cent. */
    BigDecimal currentPrice(SimAsset asset) {
        return cents(mid(asset, clock.instant()));
    }

    /** The previous regular session's closing price, as {@code lastday_price}. */
    BigDecimal previousClose(SimAsset asset) {
        Instant close = calendar.previousClose(clock.instant()).toInstant();
        return cents(pathPrice(asset, close));
    }

    /** The deterministic price the bars are drawn from. */
    double pathPrice(SimAsset asset, Instant instant) {
        return paths.get(asset.symbol()).at(instant);
    }

    private double mid(SimAsset asset, Instant now) {
        Walk walk = walks.get(asset.symbol()).updateAndGet(previous -> advance(previous, now));
        return pathPrice(asset, now) * Math.exp(walk.logOffset());
    }

    private static Walk advance(Walk previous, Instant now) {
        double elapsedSeconds = Duration.between(previous.at(), now).toNanos() / 1e9;
        if (elapsedSeconds <= 0) {
            return previous;
        }
        double decay = Math.exp(-REVERSION_PER_SECOND * elapsedSeconds);
        double shock = WALK_STANDARD_DEVIATION * Math.sqrt(1 - decay * decay)
                * ThreadLocalRandom.current().nextGaussian();
        return new Walk(previous.logOffset() * decay + shock, now);
    }

    private static String exchange(ThreadLocalRandom random) {
        return EXCHANGES[random.nextInt(EXCHANGES.length)];
    }

    private static BigDecimal cents(double price) {
        return BigDecimal.valueOf(price).setScale(2, RoundingMode.HALF_UP);
    }
}
