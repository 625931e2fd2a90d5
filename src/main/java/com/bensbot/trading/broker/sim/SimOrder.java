package com.bensbot.trading.broker.sim;

import com.bensbot.trading.broker.sim.OrderRequest.OrderType;
import com.bensbot.trading.broker.sim.OrderRequest.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/** An order as the simulated broker holds it; each change yields a new value. */
record SimOrder(
        UUID id,
        String clientOrderId,
        SimAsset asset,
        OrderRequest request,
        Status status,
        Instant submittedAt,
        Instant updatedAt,
        Instant filledAt,
        Instant canceledAt,
        BigDecimal filledQty,
        BigDecimal filledAvgPrice) {

    enum Status {
        NEW,
        FILLED,
        CANCELED;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    SimOrder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(status, "status");
    }

    static SimOrder accepted(String clientOrderId, SimAsset asset, OrderRequest request, Instant at) {
        return new SimOrder(UUID.randomUUID(), clientOrderId, asset, request, Status.NEW, at, at, null, null,
                BigDecimal.ZERO, null);
    }

    SimOrder filled(BigDecimal qty, BigDecimal price, Instant at) {
        return new SimOrder(id, clientOrderId, asset, request, Status.FILLED, submittedAt, at, at, null, qty, price);
    }

    SimOrder canceled(Instant at) {
        return new SimOrder(id, clientOrderId, asset, request, Status.CANCELED, submittedAt, at, null, at,
                filledQty, filledAvgPrice);
    }

    boolean isOpen() {
        return status == Status.NEW;
    }

    boolean isBuy() {
        return request.side() == Side.BUY;
    }

    /** Cash an open buy order sets aside: its quantity at its limit (or stop) price. */
    BigDecimal reservedCash() {
        if (!isOpen() || !isBuy()) {
            return BigDecimal.ZERO;
        }
        BigDecimal price = request.type() == OrderType.STOP ? request.stopPrice() : request.limitPrice();
        return request.qty().multiply(price);
    }

    /** Shares an open sell order sets aside. */
    BigDecimal reservedQty() {
        return isOpen() && !isBuy() ? request.qty() : BigDecimal.ZERO;
    }
}
