package com.bensbot.trading.broker;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Alpaca's account object; decimals stay strings as Alpaca sends them. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Account(String id, String accountNumber, String status, String cryptoStatus, String currency,
                      String cash, String buyingPower, String regtBuyingPower, String daytradingBuyingPower,
                      String nonMarginableBuyingPower, String equity, String lastEquity, String portfolioValue,
                      String longMarketValue, String shortMarketValue, String initialMargin,
                      String maintenanceMargin, String lastMaintenanceMargin, String sma, Integer daytradeCount,
                      String multiplier, Boolean patternDayTrader, Boolean tradingBlocked, Boolean transfersBlocked,
                      Boolean accountBlocked, Boolean tradeSuspendedByUser, Boolean shortingEnabled,
                      String createdAt, String accruedFees, String pendingTransferIn, String pendingTransferOut) {
}
