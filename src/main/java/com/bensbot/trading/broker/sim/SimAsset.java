package com.bensbot.trading.broker.sim;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/** One tradable US equity or ETF of the simulated universe. */
record SimAsset(UUID id, String symbol, String name, Exchange exchange, BigDecimal startPrice, long averageDailyVolume) {

    /** Listing exchange, with the consolidated tape that carries its quotes and trades. */
    enum Exchange {
        NASDAQ("C"),
        NYSE("A"),
        ARCA("B"),
        BATS("B");

        private final String tape;

        Exchange(String tape) {
            this.tape = tape;
        }

        String tape() {
            return tape;
        }
    }

    SimAsset {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(exchange, "exchange");
        if (startPrice.signum() <= 0) {
            throw new IllegalArgumentException("start price must be positive: " + symbol);
        }
    }

    /** An asset whose id is stable across runs (derived from the symbol) and volume is plausible for its size. */
    static SimAsset of(String symbol, String name, Exchange exchange, String startPrice) {
        UUID id = UUID.nameUUIDFromBytes(("alpaca-sim-asset:" + symbol).getBytes(StandardCharsets.UTF_8));
        long volume = 3_000_000L + Math.floorMod(symbol.hashCode(), 40) * 1_500_000L;
        return new SimAsset(id, symbol, name, exchange, new BigDecimal(startPrice), volume);
    }
}
