package com.bensbot.trading.broker.sim;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A holding marked to the market: the figures of Alpaca's position object. */
record PositionValue(SimAccount.Holding holding, BigDecimal currentPrice, BigDecimal lastdayPrice) {

    private static final int RATIO_DECIMALS = 6;

    SimPosition position() {
        return holding.position();
    }

    BigDecimal marketValue() {
        return position().qty().multiply(currentPrice).setScale(2, RoundingMode.HALF_UP);
    }

    BigDecimal lastdayValue() {
        return position().qty().multiply(lastdayPrice).setScale(2, RoundingMode.HALF_UP);
    }

    BigDecimal unrealizedPl() {
        return marketValue().subtract(position().costBasis());
    }

    BigDecimal unrealizedPlPercent() {
        return ratio(unrealizedPl(), position().costBasis());
    }

    BigDecimal changeToday() {
        return ratio(currentPrice.subtract(lastdayPrice), lastdayPrice);
    }

    private static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? BigDecimal.ZERO : part.divide(whole, RATIO_DECIMALS, RoundingMode.HALF_UP);
    }
}
