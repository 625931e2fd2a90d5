package com.bensbot.trading.broker;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;

/** Alpaca's order object; decimals stay strings, times stay as Alpaca wrote them. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Order(String id, String clientOrderId, String createdAt, String updatedAt, String submittedAt,
                    String filledAt, String expiredAt, String canceledAt, String failedAt, String replacedAt,
                    String replacedBy, String replaces, String assetId, String symbol, String assetClass,
                    String notional, String qty, String filledQty, String filledAvgPrice, String orderClass,
                    String orderType, String type, String side, String timeInForce, String limitPrice,
                    String stopPrice, String status, Boolean extendedHours, List<Order> legs, String trailPercent,
                    String trailPrice, String hwm, String positionIntent) {
}
