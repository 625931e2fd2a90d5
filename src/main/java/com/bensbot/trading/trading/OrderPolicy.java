package com.bensbot.trading.trading;

import com.bensbot.trading.http.ProblemException;
import com.bensbot.trading.http.ProblemType;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * Layer 4, in the contract's order: symbol allowed and tradable, value within {@code MAX_ORDER_VALUE_USD}, day's
 * notional within {@code MAX_DAILY_NOTIONAL_USD}. The caps apply to buys and sells alike. A passing order holds a
 * reservation of its value on the day's total until the broker's answer settles it.
 */
public final class OrderPolicy {
    static final ZoneId MARKET_ZONE = ZoneId.of("America/New_York");

    /** The order's share of the day's notional, held while the broker decides. */
    public record Reservation(LocalDate day, BigDecimal value) {
    }

    private final Set<String> allowedSymbols;
    private final AssetDirectory assets;
    private final OrderValuation valuation;
    private final BigDecimal maxOrderValue;
    private final BigDecimal maxDailyNotional;
    private final DailyNotional daily;
    private final Clock clock;

    public OrderPolicy(Set<String> allowedSymbols, AssetDirectory assets, OrderValuation valuation,
                       BigDecimal maxOrderValue, BigDecimal maxDailyNotional, DailyNotional daily, Clock clock) {
        this.allowedSymbols = Set.copyOf(allowedSymbols);
        this.assets = assets;
        this.valuation = valuation;
        this.maxOrderValue = maxOrderValue;
        this.maxDailyNotional = maxDailyNotional;
        this.daily = daily;
        this.clock = clock;
    }

    /** The checks alone, reserving without a ledger row (for callers that keep no idempotency row). */
    public Reservation check(OrderRequest order) {
        return check(order, null, Optional.empty());
    }

    /**
     * Symbol, value and the day's cap, in that order. The reservation is recorded on the order's ledger row in the
     * transaction that makes it; an order resent after an unknown outcome reuses the reservation its row holds.
     */
    public Reservation check(OrderRequest order, DailyNotional.LedgerKey ledgerKey, Optional<Reservation> held) {
        String symbol = order.symbol();
        if (!allowedSymbols.isEmpty() && !allowedSymbols.contains(symbol)) {
            throw refuse(ProblemType.SYMBOL_NOT_TRADABLE, symbol + " is not in ALLOWED_SYMBOLS");
        }
        if (!assets.isTradable(symbol)) {
            throw refuse(ProblemType.SYMBOL_NOT_TRADABLE, symbol + " is unknown or not tradable at the broker");
        }
        BigDecimal value;
        try {
            value = valuation.value(order);
        } catch (ProblemException e) {
            throw refuse(e.type(), e.detail());
        }
        if (value.compareTo(maxOrderValue) > 0) {
            throw refuse(ProblemType.ORDER_VALUE_EXCEEDED, "The order's value " + usd(value)
                    + " is above MAX_ORDER_VALUE_USD " + usd(maxOrderValue));
        }
        if (held.isPresent()) {
            if (daily.haltedNow()) {
                throw HaltGuard.haltedInStore();
            }
            return held.get();
        }
        LocalDate day = LocalDate.now(clock.withZone(MARKET_ZONE));
        DailyNotional.Result result = daily.reserve(day, value, maxDailyNotional, ledgerKey);
        return switch (result) {
            case RESERVED -> new Reservation(day, value);
            case HALTED -> throw HaltGuard.haltedInStore();
            case NOT_OWNER -> throw IdempotencyKeys.takenOver();
            case OVER_CAP, NO_DAY -> throw refuse(ProblemType.DAILY_LIMIT_EXCEEDED, "The order's value " + usd(value)
                    + " would take today's accepted notional above MAX_DAILY_NOTIONAL_USD " + usd(maxDailyNotional));
        };
    }

    public void release(Reservation reservation) {
        daily.release(reservation.day(), reservation.value());
    }

    private static OrderRefusedException refuse(ProblemType type, String detail) {
        return new OrderRefusedException(OrderLayer.POLICY, type, detail);
    }

    private static String usd(BigDecimal value) {
        return value.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " USD";
    }
}
