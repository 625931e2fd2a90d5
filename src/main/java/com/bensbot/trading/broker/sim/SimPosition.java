package com.bensbot.trading.broker.sim;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A long holding: quantity and what it cost, to the cent. */
record SimPosition(SimAsset asset, BigDecimal qty, BigDecimal costBasis) {

    BigDecimal averageEntryPrice() {
        return costBasis.divide(qty, 4, RoundingMode.HALF_UP);
    }

    SimPosition bought(BigDecimal boughtQty, BigDecimal cost) {
        return new SimPosition(asset, qty.add(boughtQty), costBasis.add(cost));
    }

    /** What is left after selling {@code soldQty}, its cost basis reduced in proportion. */
    SimPosition sold(BigDecimal soldQty) {
        BigDecimal left = qty.subtract(soldQty);
        BigDecimal leftCost = costBasis.multiply(left).divide(qty, 2, RoundingMode.HALF_UP);
        return new SimPosition(asset, left, leftCost);
    }
}
