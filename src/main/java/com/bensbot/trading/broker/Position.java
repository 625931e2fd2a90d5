package com.bensbot.trading.broker;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Alpaca's position object; decimals stay strings. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Position(String assetId, String symbol, String exchange, String assetClass, Boolean assetMarginable,
                       String qty, String qtyAvailable, String avgEntryPrice, String side, String marketValue,
                       String costBasis, String unrealizedPl, String unrealizedPlpc, String unrealizedIntradayPl,
                       String unrealizedIntradayPlpc, String currentPrice, String lastdayPrice, String changeToday) {
}
